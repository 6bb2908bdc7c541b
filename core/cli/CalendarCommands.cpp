#include "cli/CalendarCommands.h"

namespace centrale {

int CalendarCommands::run(const QStringList &)
{
    m_io.err << tr("Unknown or missing action.") << Qt::endl;
    return CliUsage;
}

int CalendarCommands::runFunctionsAdd(const QStringList &)
{
    m_io.err << tr("Unknown or missing action.") << Qt::endl;
    return CliUsage;
}

} // namespace centrale
