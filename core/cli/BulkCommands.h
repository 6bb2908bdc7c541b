#pragma once

#include "cli/CliSupport.h"

namespace centrale {

// centrale-cli users import|export, contacts import|export
class BulkCommands final {
    Q_DECLARE_TR_FUNCTIONS(BulkCommands)
public:
    explicit BulkCommands(CliIo &io) : m_io(io) {}
    // args: argv[0], the global options, then what follows "users" (starting with import or export).
    int runUsers(const QStringList &args);
    // args: argv[0], the global options, then what follows "contacts" (starting with import or export).
    int runContacts(const QStringList &args);

private:
    CliIo &m_io;
};

} // namespace centrale
