#pragma once

// Runs centrale-cli (CENTRALE_CLI, set by tests/CMakeLists.txt) as a process, as a user would.

#include <QProcess>
#include <QString>
#include <QStringList>

struct CliRun {
    int code = -1; // -1: did not finish in time; -2: crashed
    QString out;
    QString err;
};

// dataHome keeps the per-user store of the run away from the user's own.
inline CliRun runCli(const QStringList &args, const QString &dataHome, const QString &language = QStringLiteral("en"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CENTRALE_LANG"), language);
    env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CENTRALE_CLI), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}
