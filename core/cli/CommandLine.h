#pragma once

#include "cli/CliSupport.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace centrale {

class Store;

// centrale-cli: the store's content and maintenance from a terminal or a script.
// Exit codes: 0 success, 1 the request failed (invalid value, not found, refused),
// 2 the command line is wrong, 3 the store cannot be opened or written.
class CommandLine final {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    enum ExitCode { Success = 0, Failed = 1, Usage = 2, StoreError = 3 };

    CommandLine(QTextStream &out, QTextStream &err) : m_out(out), m_err(err), m_io(out, err) {}
    int run(const QStringList &arguments);

private:
    // Parses "<noun> list ...", opens the store; returns CliGoOn or the exit code to return.
    int prepareList(CliParser &p, const QStringList &args, Store &store);
    int runDemo(const QStringList &args);
    int runUsers(const QStringList &args);
    int runGroups(const QStringList &args);
    int runContacts(const QStringList &args);
    int runNumbers(const QStringList &args);
    int runFunctions(const QStringList &args);
    QString usage() const;

    QTextStream &m_out;
    QTextStream &m_err;
    CliIo m_io;
    bool m_json = false;
};

} // namespace centrale
