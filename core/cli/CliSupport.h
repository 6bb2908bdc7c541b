#pragma once

#include "common/Result.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonValue>
#include <QTextStream>

namespace centrale {

class Store;

// Exit codes of centrale-cli: 0 success, 1 the request failed (invalid value, not found,
// refused), 2 the command line is wrong, 3 the store cannot be opened or written.
enum CliExit { CliSuccess = 0, CliFailed = 1, CliUsage = 2, CliStoreError = 3, CliGoOn = -1 };

// A subcommand's parser: the options every command has (--store, --json, --help) and its own.
struct CliParser {
    Q_DECLARE_TR_FUNCTIONS(CliParser)
public:
    explicit CliParser(const QString &description);
    QCommandLineParser parser;
    QCommandLineOption store;
    QCommandLineOption json;
    QCommandLineOption help;
};

// What every subcommand needs: its output streams, parsing, the store, tables, JSON, errors.
class CliIo {
    Q_DECLARE_TR_FUNCTIONS(CliIo)
public:
    CliIo(QTextStream &output, QTextStream &errors) : out(output), err(errors) {}

    // Parses args (argv[0] first); returns CliGoOn, or the exit code (help printed, bad options).
    int parse(CliParser &p, const QStringList &args);
    // --store's value, or the per-user default store.
    QString storePath(const CliParser &p) const;
    // Opens an existing store; returns CliGoOn or CliStoreError (message printed).
    int openStore(Store &store, const QString &path);
    void printTable(const QStringList &headers, const QList<QStringList> &rows);
    void printJson(const QJsonValue &value);
    // Prints the error's message and returns the matching exit code.
    int fail(const Error &error);

    QTextStream &out;
    QTextStream &err;
};

} // namespace centrale
