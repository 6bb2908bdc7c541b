#pragma once

#include <QStringList>

namespace centrale {

// The schema's migrations, in order. Migration i brings the store to PRAGMA user_version i+1.
// Never edit a migration once it has shipped: add a new one.
const QList<QStringList> &schemaMigrations();

} // namespace centrale
