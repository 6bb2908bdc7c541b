#pragma once

#include "cli/CliSupport.h"

namespace centrale {

// centrale-cli prompt ...
class PromptCommands final {
    Q_DECLARE_TR_FUNCTIONS(PromptCommands)
public:
    explicit PromptCommands(CliIo &io) : m_io(io) {}
    // args: argv[0], the global options, then what follows "prompt".
    int run(const QStringList &args);


private:
    CliIo &m_io;
};

} // namespace centrale
