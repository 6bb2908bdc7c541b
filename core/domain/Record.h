#pragma once

#include <QString>

namespace centrale {

// What every stored record carries: a UUID that never collides between offline clients and the
// server, the server's version for optimistic concurrency, and whether it has unpushed changes.
struct Record {
    QString id;
    qint64 version = 0;
    bool dirty = false;
};

QString newId();

} // namespace centrale
