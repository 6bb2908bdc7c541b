// Recording a prompt by phone call, against sipp playing the user's desk phone on loopback.

#include "../core/SippPhone.h"
#include "ServerTestSupport.h"

#include "audio/PromptConverter.h"

#include <QJsonArray>
#include <QSignalSpy>

#include <cmath>
#include <numbers>

using namespace centrale;
using namespace centrale::server;
using namespace centrale::server::test;

namespace {

const QString kPassword = QStringLiteral("Corr3ct-horse-battery");
constexpr double kToneHz = 440.0;
constexpr int kToneMs = 3000;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Power of frequency hz in samples relative to their total power (Goertzel): 1 for a pure tone.
double toneShare(const std::vector<float> &s, double hz)
{
    const double w = 2.0 * std::numbers::pi * hz / 8000.0;
    double re = 0, im = 0, total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        re += s[i] * std::cos(w * double(i));
        im -= s[i] * std::sin(w * double(i));
        total += double(s[i]) * s[i];
    }
    if (total <= 0)
        return 0;
    return 2.0 * (re * re + im * im) / (double(s.size()) * total);
}

} // namespace

class TestRecordCall : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_backend;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Api> m_api;
    Client m_admin;
    QString m_prompt;
    QString m_user;
    QString m_tone; // raw A-law file sipp streams

    Client client() const
    {
        Client c;
        c.api = m_api.get();
        c.domain = QStringLiteral("domaincustomer.be");
        return c;
    }

    // The user's desk phone listens at port (0: the user has no phone).
    void addPhone(quint16 port)
    {
        if (port == 0)
            return;
        const QString id = uuid();
        const QJsonObject phone {{QStringLiteral("id"), id}, {QStringLiteral("mac"), QStringLiteral("805EC0123456")},
            {QStringLiteral("model"), QStringLiteral("Yealink T54W")}, {QStringLiteral("ownerId"), m_user},
            {QStringLiteral("label"), QStringLiteral("Bureau")}, {QStringLiteral("sipAddress"), QStringLiteral("127.0.0.1:%1").arg(port)},
            {QStringLiteral("sipUser"), QString()}, {QStringLiteral("keys"), QJsonArray()}};
        const ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/phones/") + id), phone, "*");
        QVERIFY2(r.status == 201, r.body.constData());
    }

    QJsonObject startCall()
    {
        const ApiResponse r = m_admin.write("POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt)),
            {{QStringLiteral("userId"), QStringLiteral("jan@domaincustomer.be")}}, {});
        if (r.status != 202)
            qWarning("%s", r.body.constData());
        return r.status == 202 ? r.jsonBody() : QJsonObject();
    }

    QJsonObject job(const QString &id) const { return m_admin.call("GET", m_admin.org(QStringLiteral("/call-jobs/") + id)).jsonBody(); }

    // Waits for the job to end; returns the steps it was seen in.
    QStringList follow(const QString &id, QJsonObject *last)
    {
        QStringList steps;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000) {
            *last = job(id);
            const QString step = last->value(QLatin1String("step")).toString();
            if (steps.isEmpty() || steps.last() != step)
                steps << step;
            if (step == QLatin1String("saved") || step == QLatin1String("failed"))
                break;
            QTest::qWait(20);
        }
        return steps;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : backends())
            QTest::newRow(qPrintable(b)) << b;
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty())
            QSKIP("sipp (Debian: sip-tester) is not installed");
        // A known recording: a 440 Hz tone at half scale, as raw A-law.
        QByteArray tone;
        for (int i = 0; i < kToneMs * 8; ++i)
            tone.append(char(CallRecorder::alawFromLinear(qint16(16384 * std::sin(2.0 * std::numbers::pi * kToneHz * i / 8000.0)))));
        m_tone = m_dir.filePath(QStringLiteral("tone.al"));
        QFile f(m_tone);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(tone) == tone.size());
    }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_backend = backend;
        m_db = std::make_unique<ServerDatabase>();
        QVERIFY(m_db->open(freshDatabase(m_backend, m_dir)).ok());
        ServerOptions options;
        options.recordCall.ringTimeoutMs = 1500; // shortened for the test
        options.recordCall.localAddress = QStringLiteral("127.0.0.1");
        m_api = std::make_unique<Api>(*m_db, options);
        QVERIFY(
            m_api->createOrganisation(QStringLiteral("domaincustomer.be"), QStringLiteral("Domain Customer"), QStringLiteral("fr")).ok());
        QVERIFY(m_api->createAdministrator(QStringLiteral("admin@domaincustomer.be"), QStringLiteral("domaincustomer.be"), kPassword).ok());
        m_admin = client();
        QVERIFY(m_admin.login(QStringLiteral("admin@domaincustomer.be"), kPassword));
        QVERIFY(m_admin.elevate(kPassword));
        m_user = uuid();
        const QJsonObject user {{QStringLiteral("id"), m_user}, {QStringLiteral("username"), QStringLiteral("jan@domaincustomer.be")},
            {QStringLiteral("firstName"), QStringLiteral("Jan")}, {QStringLiteral("lastName"), QStringLiteral("Peeters")},
            {QStringLiteral("email"), QString()}, {QStringLiteral("mobile"), QString()}, {QStringLiteral("language"), QStringLiteral("nl")},
            {QStringLiteral("groups"), QJsonArray()}, {QStringLiteral("settings"), QJsonObject()}};
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + m_user), user, "*");
        QVERIFY2(r.status == 201, r.body.constData());
        m_prompt = uuid();
        const QJsonObject prompt {{QStringLiteral("id"), m_prompt}, {QStringLiteral("name"), QStringLiteral("Fermé")},
            {QStringLiteral("description"), QStringLiteral("Nous sommes fermés.")}, {QStringLiteral("origin"), QStringLiteral("imported")}};
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/prompts/") + m_prompt), prompt, "*");
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
    }

    void answeredCallIsStoredAsThePrompt()
    {
        SippPhone phone(m_dir.path(), QStringLiteral("call-answer-speak.xml"),
            {{QStringLiteral("@AUDIO@"), m_tone}, {QStringLiteral("@TALK_MS@"), QString::number(kToneMs + 500)}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addPhone(phone.port());
        const qint64 before = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt))
                                  .jsonBody()
                                  .value(QLatin1String("version"))
                                  .toInteger();

        const QJsonObject started = startCall();
        QCOMPARE(started.value(QLatin1String("step")).toString(), QStringLiteral("calling"));
        QJsonObject last;
        const QStringList steps = follow(started.value(QLatin1String("id")).toString(), &last);
        QVERIFY2(last.value(QLatin1String("step")).toString() == QLatin1String("saved"),
            qPrintable(QString::fromUtf8(QJsonDocument(last).toJson()) + phone.diagnostics()));
        QVERIFY2(steps.contains(QLatin1String("recording")), qPrintable(steps.join(u',')));
        QVERIFY(phone.passed());

        const QJsonObject prompt = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt)).jsonBody();
        QCOMPARE(prompt.value(QLatin1String("version")).toInteger(), before + 1);
        QCOMPARE(last.value(QLatin1String("promptVersion")).toInteger(), before + 1);
        QCOMPARE(prompt.value(QLatin1String("origin")).toString(), QStringLiteral("call"));
        QVERIFY(prompt.value(QLatin1String("hasAudio")).toBool());
        const ApiResponse audio = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/%1/audio").arg(m_prompt)));
        QCOMPARE(audio.status, 200);
        QCOMPARE(prompt.value(QLatin1String("audioSha256")).toString(),
            QString::fromLatin1(QCryptographicHash::hash(audio.body, QCryptographicHash::Sha256).toHex()));
        Result<std::vector<float>> samples = PromptConverter::decodePrompt(audio.body);
        QVERIFY(samples.ok());
        // What was said after the beep: the tone less the instruction and beep (about 0.6 s).
        const qint64 ms = qint64(samples->size()) / 8;
        QVERIFY2(ms > kToneMs - 1500 && ms <= kToneMs, qPrintable(QString::number(ms)));
        QCOMPARE(prompt.value(QLatin1String("durationMs")).toInteger(), ms);
        QVERIFY2(toneShare(*samples, kToneHz) > 0.9, qPrintable(QString::number(toneShare(*samples, kToneHz))));
        double sum = 0;
        float peak = 0;
        for (float v : *samples) {
            sum += double(v) * v;
            peak = std::max(peak, std::abs(v));
        }
        const double rms = std::sqrt(sum / double(samples->size()));
        QVERIFY2(std::abs(peak - 0.5) < 0.05, qPrintable(QString::number(peak)));
        QVERIFY2(std::abs(rms - 0.5 / std::sqrt(2.0)) < 0.05, qPrintable(QString::number(rms)));
    }

    void refusedOrUnansweredCallsFail_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("busy") << QStringLiteral("call-reject.xml") << QStringLiteral("486 Busy Here") << QStringLiteral("busy");
        QTest::newRow("declined") << QStringLiteral("call-reject.xml") << QStringLiteral("603 Decline") << QStringLiteral("rejected");
        QTest::newRow("no answer") << QStringLiteral("call-ring-forever.xml") << QString() << QStringLiteral("no-answer");
        QTest::newRow("hung up before the beep")
            << QStringLiteral("call-answer-speak.xml") << QString() << QStringLiteral("hung-up-before-beep");
    }

    void refusedOrUnansweredCallsFail()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        SippPhone phone(m_dir.path(), scenario,
            {{QStringLiteral("@STATUS@"), status}, {QStringLiteral("@AUDIO@"), m_tone}, {QStringLiteral("@TALK_MS@"), QStringLiteral("1")}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addPhone(phone.port());
        const QJsonObject started = startCall();
        QJsonObject last;
        follow(started.value(QLatin1String("id")).toString(), &last);
        QCOMPARE(last.value(QLatin1String("step")).toString(), QStringLiteral("failed"));
        QCOMPARE(last.value(QLatin1String("reasonCode")).toString(), reason);
        QVERIFY(!last.value(QLatin1String("reason")).toString().isEmpty());
        QVERIFY(
            !m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt)).jsonBody().value(QLatin1String("hasAudio")).toBool());
        QVERIFY2(phone.passed(), qPrintable(phone.diagnostics()));
    }

    void userWithoutPhone()
    {
        const QJsonObject started = startCall();
        QCOMPARE(started.value(QLatin1String("step")).toString(), QStringLiteral("failed"));
        QCOMPARE(started.value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-phone"));
        QCOMPARE(
            job(started.value(QLatin1String("id")).toString()).value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-phone"));
    }

    void requestsAreChecked()
    {
        // No user, an unknown user, an unknown prompt, an unknown job.
        ApiResponse r
            = m_admin.write("POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt)), {{QStringLiteral("x"), 1}}, {});
        QCOMPARE(r.status, 422);
        r = m_admin.write(
            "POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt)), {{QStringLiteral("userId"), uuid()}}, {});
        QCOMPARE(r.status, 422);
        r = m_admin.write(
            "POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(uuid())), {{QStringLiteral("userId"), m_user}}, {});
        QCOMPARE(r.status, 404);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/call-jobs/") + uuid())).status, 404);
        QCOMPARE(m_admin.call("PUT", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt))).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestRecordCall)
#include "tst_record_call.moc"
