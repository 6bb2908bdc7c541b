#include "cli/PromptCommands.h"

namespace centrale {

int PromptCommands::run(const QStringList &)
{
    m_io.err << tr("Unknown or missing action.") << Qt::endl;
    return CliUsage;
}

} // namespace centrale
