#pragma once

#include <QDateTime>

#include <functional>

namespace centrale {

// What time it is. Production passes QDateTime::currentDateTime; tests pass a clock they move.
using Clock = std::function<QDateTime()>;

} // namespace centrale
