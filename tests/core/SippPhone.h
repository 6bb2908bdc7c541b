#pragma once

// sipp (Debian: sip-tester) playing a SIP phone on loopback, for the suites that reload phones.

#include "sip/SipNotifier.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

inline quint16 freeUdpPort()
{
    QUdpSocket s;
    if (!s.bind(QHostAddress::LocalHost, 0))
        return 0;
    return s.localPort();
}

// True once something listens on the UDP port (read from the kernel's table, so that probing
// never takes the port from the peer that is starting).
inline bool udpPortBound(quint16 port)
{
    const QString suffix = u':' + QStringLiteral("%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const QString &table : {u"/proc/net/udp"_s, u"/proc/net/udp6"_s}) {
        QFile f(table);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() > 1 && QString::fromLatin1(fields.at(1)).endsWith(suffix))
                return true;
        }
    }
    return false;
}

// One sipp process playing a phone.
class SippPhone final {
public:
    // fill: text put in place of placeholders (@STATUS@) in the scenario's copy.
    SippPhone(const QString &workDir, const QString &scenario, const QHash<QString, QString> &fill = {}, const QStringList &extra = {})
        : m_workDir(workDir), m_scenario(scenario), m_fill(fill), m_extra(extra)
    {
    }
    ~SippPhone()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(SippPhone)

    bool start()
    {
        m_port = freeUdpPort();
        if (m_port == 0)
            return false;
        const QString tag = QString::number(m_port);
        // Run a copy in the test's own folder: sipp writes its logs beside the scenario.
        QFile source(QStringLiteral(CENTRALE_TEST_DATA "/sipp/") + m_scenario);
        if (!source.open(QIODevice::ReadOnly))
            return false;
        QString text = QString::fromUtf8(source.readAll());
        for (auto it = m_fill.cbegin(); it != m_fill.cend(); ++it)
            text.replace(it.key(), it.value());
        m_localScenario = tag + u'-' + m_scenario;
        QFile local(QDir(m_workDir).filePath(m_localScenario));
        if (!local.open(QIODevice::WriteOnly) || local.write(text.toUtf8()) < 0)
            return false;
        local.close();
        m_errorFile = QDir(m_workDir).filePath(tag + u"-errors.log");
        m_messageFile = QDir(m_workDir).filePath(tag + u"-messages.log");
        m_process.setWorkingDirectory(m_workDir);
        m_process.setProgram(sippProgram());
        m_process.setArguments(QStringList {u"-sf"_s, m_localScenario, u"-i"_s, u"127.0.0.1"_s, u"-p"_s, tag, u"-m"_s, u"1"_s,
                                   u"-timeout"_s, u"60s"_s, u"-timeout_error"_s, u"-nostdin"_s, u"-trace_err"_s, u"-error_file"_s,
                                   m_errorFile, u"-trace_msg"_s, u"-message_file"_s, m_messageFile}
            + m_extra);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!udpPortBound(m_port)) {
            if (m_process.state() == QProcess::NotRunning || t.elapsed() > 10000)
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    quint16 port() const { return m_port; }

    centrale::SipReloadTarget target(const QString &vendor = u"yealink"_s) const
    {
        centrale::SipReloadTarget t;
        t.host = u"127.0.0.1"_s;
        t.port = m_port;
        t.userPart = u"805EC0123456"_s;
        t.vendor = vendor;
        return t;
    }

    // sipp ended on its own with every scenario check passed.
    bool passed()
    {
        if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(60000))
            return false;
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    QString diagnostics()
    {
        auto read = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        return u"sipp " + m_scenario + u" exit " + QString::number(m_process.exitCode()) + u"\n--- errors:\n" + read(m_errorFile)
            + u"\n--- messages:\n" + read(m_messageFile) + u"\n--- stderr:\n" + QString::fromUtf8(m_process.readAllStandardError());
    }

    static QString sippProgram()
    {
        const QString found = QStandardPaths::findExecutable(u"sipp"_s);
        return found.isEmpty() ? u"/usr/bin/sipp"_s : found;
    }

private:
    QString m_workDir;
    QString m_scenario;
    QHash<QString, QString> m_fill;
    QStringList m_extra;
    QString m_localScenario;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_errorFile;
    QString m_messageFile;
};

