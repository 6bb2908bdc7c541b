#pragma once

// A centrale-server (or centrale-cli) run as its users run it, for the suites that need the real
// programs: the server on a free loopback port, and command lines with their output.

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace centrale::server::test {

class ServerProcess {
public:
    ~ServerProcess() { stop(); }
    // Starts "centrale-server serve" with arguments and waits for the port it listens on.
    bool start(const QString &program, const QStringList &arguments)
    {
        m_program = program;
        m_arguments = arguments;
        m_process.setProgram(program);
        m_process.setArguments(QStringList{QStringLiteral("serve")} + arguments);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression portLine(QStringLiteral("port (\\d+)"));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            out += m_process.readAllStandardOutput();
            const auto match = portLine.match(QString::fromUtf8(out));
            if (match.hasMatch()) {
                port = match.captured(1).toUShort();
                return true;
            }
        }
        qWarning("centrale-server did not start: %s %s", out.constData(), m_process.readAllStandardError().constData());
        return false;
    }
    // Starts it again as before, on the same port (the clients keep its address).
    bool restart()
    {
        stop();
        QStringList arguments = m_arguments;
        const qsizetype listen = arguments.indexOf(QStringLiteral("--listen"));
        if (listen >= 0 && listen + 1 < arguments.size())
            arguments[listen + 1] = QStringLiteral("127.0.0.1:%1").arg(port);
        return start(m_program, arguments);
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
    quint16 port = 0;

private:
    QProcess m_process;
    QString m_program;
    QStringList m_arguments;
};

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

inline CliResult runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, arguments);
    p.waitForStarted(10000);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace centrale::server::test
