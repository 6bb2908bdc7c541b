#pragma once

#include "cli/CliSupport.h"

namespace centrale {

// centrale-cli prompt convert|import|list|export|delete: voice prompts from a terminal or a script.
class PromptCommands final {
    Q_DECLARE_TR_FUNCTIONS(PromptCommands)
public:
    explicit PromptCommands(CliIo &io) : m_io(io) {}
    // args: argv[0], the global options, then what follows "prompt".
    int run(const QStringList &args);

private:
    int runConvert(const QStringList &args);
    int runImport(const QStringList &args);
    int runList(const QStringList &args);
    int runExport(const QStringList &args);
    int runDelete(const QStringList &args);
    // Prints the error; 3 when the store failed, 1 for anything else (a bad file, a refusal).
    int fail(const Error &error);
    QString actions() const;

    CliIo &m_io;
};

} // namespace centrale
