#pragma once

// A real SMTP server for the suites that send e-mail: Debian's python3-aiosmtpd on a loopback
// port, keeping each message it receives as a .eml file. A recipient starting with "nobody@" is
// refused (550), as a mail server refuses an unknown mailbox.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpServer>

namespace centrale::server::test {

inline const QString kPython = QStringLiteral("/usr/bin/python3");

inline const char kSmtpServer[] = R"PY(
import json, os, sys, uuid
from aiosmtpd.controller import Controller
folder, port = sys.argv[1], int(sys.argv[2])
class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('nobody@'):
            return '550 5.1.1 <%s>: mailbox unavailable' % address
        envelope.rcpt_tos.append(address)
        return '250 OK'
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(folder, uuid.uuid4().hex)
        with open(name + '.rcpt', 'w') as f:
            json.dump({'from': envelope.mail_from, 'to': envelope.rcpt_tos}, f)
        with open(name + '.tmp', 'wb') as f:
            f.write(envelope.original_content)
        os.rename(name + '.tmp', name + '.eml')
        return '250 Message accepted for delivery'
controller = Controller(Handler(), hostname='127.0.0.1', port=port)
controller.start()
print('ready', flush=True)
sys.stdin.read()
controller.stop()
)PY";

inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// aiosmtpd on a loopback port; each message received is a .eml file in folder.
class SmtpCatcher {
public:
    ~SmtpCatcher() { stop(); }
    bool start(quint16 port, const QString &folder, const QString &script)
    {
        m_folder = folder;
        QDir().mkpath(folder);
        m_process.start(kPython, {script, folder, QString::number(port)});
        if (!m_process.waitForStarted(10000) || !m_process.waitForReadyRead(20000))
            return false;
        return m_process.readAll().contains("ready");
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished();
            }
        }
    }
    QStringList messages() const
    {
        QStringList files;
        for (const QFileInfo &f : QDir(m_folder).entryInfoList({QStringLiteral("*.eml")}, QDir::Files, QDir::Time | QDir::Reversed))
            files << f.absoluteFilePath();
        return files;
    }

private:
    QProcess m_process;
    QString m_folder;
};


// Writes the SMTP server's script into folder; empty when python3-aiosmtpd is missing.
inline QString writeSmtpScript(const QString &folder)
{
    QProcess probe;
    probe.start(kPython, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
    if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
        return {};
    const QString path = QDir(folder).filePath(QStringLiteral("smtp_server.py"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(kSmtpServer) < 0)
        return {};
    return path;
}

} // namespace centrale::server::test
