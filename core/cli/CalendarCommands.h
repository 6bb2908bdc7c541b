#pragma once

#include "cli/CliSupport.h"

namespace centrale {

// centrale-cli calendar ...
class CalendarCommands final {
    Q_DECLARE_TR_FUNCTIONS(CalendarCommands)
public:
    explicit CalendarCommands(CliIo &io) : m_io(io) {}
    // args: argv[0], the global options, then what follows "calendar".
    int run(const QStringList &args);
    // args: argv[0], the global options, then what follows "functions" (starting with "add").
    int runFunctionsAdd(const QStringList &args);

private:
    CliIo &m_io;
};

} // namespace centrale
