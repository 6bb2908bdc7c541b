// The check-sync NOTIFY sender against a real SIP peer: sipp plays the phone on loopback, with
// scenarios that check what the phone receives (and fail sipp's exit status when it is wrong).
#include "sip/SipDigest.h"
#include "sip/SipNotifier.h"

#include "SippPhone.h"

#include <QDir>
#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <memory>

using namespace centrale;
using namespace Qt::StringLiterals;
using Outcome = SipReloadResult::Outcome;

namespace {

// The value of a header in a SIP message's text ("" when absent).
QString headerOf(const QString &message, const QString &name)
{
    const QStringList lines = message.split(u"\r\n"_s);
    for (const QString &line : lines) {
        if (line.startsWith(name + u':', Qt::CaseInsensitive))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

// A response to a request received as text, echoing its transaction headers.
QByteArray responseTo(const QString &request, const QString &status, const QString &via = {})
{
    QString r = u"SIP/2.0 "_s + status + u"\r\n"_s;
    r += u"Via: "_s + (via.isEmpty() ? headerOf(request, u"Via"_s) : via) + u"\r\n"_s;
    r += u"From: "_s + headerOf(request, u"From"_s) + u"\r\n"_s;
    r += u"To: "_s + headerOf(request, u"To"_s) + u";tag=ph1\r\n"_s;
    r += u"Call-ID: "_s + headerOf(request, u"Call-ID"_s) + u"\r\n"_s;
    r += u"CSeq: "_s + headerOf(request, u"CSeq"_s) + u"\r\n"_s;
    r += u"Content-Length: 0\r\n\r\n"_s;
    return r.toUtf8();
}

} // namespace

class TestSipNotify : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    static SipTimers shortTimers()
    {
        SipTimers t;
        t.t1Ms = 50; // Timer F = 3.2 s
        t.t2Ms = 400;
        t.t4Ms = 200;
        return t;
    }

    std::unique_ptr<SippPhone> phone(const QString &scenario, const QHash<QString, QString> &fill = {}, const QStringList &extra = {})
    {
        auto p = std::make_unique<SippPhone>(m_dir.path(), scenario, fill, extra);
        if (!p->start())
            qWarning().noquote() << p->diagnostics();
        return p;
    }

    // Sends one check-sync and waits for its outcome through the signal.
    static SipReloadResult send(SipNotifier &notifier, const SipReloadTarget &target)
    {
        QSignalSpy spy(&notifier, &SipNotifier::finished);
        const quint64 id = notifier.checkSync(target);
        if (!spy.wait(30000) || spy.size() != 1 || spy.at(0).at(0).toULongLong() != id)
            return {};
        return spy.at(0).at(1).value<SipReloadResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(SippPhone::sippProgram()), "sipp is needed (Debian package sip-tester)");
    }

    // RFC 2617 section 3.5 and RFC 7616 section 3.9.1: the published answers.
    void digestResponses_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("realm");
        QTest::addColumn<QString>("nonce");
        QTest::addColumn<QString>("cnonce");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("RFC 2617") << QString() << u"Circle Of Life"_s << u"testrealm@host.com"_s << u"dcd98b7102dd2f0e8b11d0f600bfb0c093"_s
                                  << u"0a4f113b"_s << QByteArray("6629fae49393a05397450978507c4ef1");
        QTest::newRow("RFC 7616 MD5") << u"MD5"_s << u"Circle of Life"_s << u"http-auth@example.org"_s
                                      << u"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"_s
                                      << u"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"_s
                                      << QByteArray("8ca523f5e9506fed4657c9700eebdbec");
        QTest::newRow("RFC 7616 SHA-256") << u"SHA-256"_s << u"Circle of Life"_s << u"http-auth@example.org"_s
                                          << u"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"_s
                                          << u"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"_s
                                          << QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }
    void digestResponses()
    {
        QFETCH(QString, algorithm);
        QFETCH(QString, password);
        QFETCH(QString, realm);
        QFETCH(QString, nonce);
        QFETCH(QString, cnonce);
        QFETCH(QByteArray, expected);
        SipDigest d;
        d.algorithm = algorithm;
        d.username = u"Mufasa"_s;
        d.password = password;
        d.realm = realm;
        d.nonce = nonce;
        d.method = u"GET"_s;
        d.uri = u"/dir/index.html"_s;
        d.qop = SipDigest::chooseQop(u"auth,auth-int"_s);
        d.nonceCount = u"00000001"_s;
        d.cnonce = cnonce;
        QCOMPARE(d.response().value_or(QByteArray()), expected);
    }

    void digestChoices()
    {
        QCOMPARE(SipDigest::chooseQop(u"auth-int, auth"_s), u"auth"_s);
        QCOMPARE(SipDigest::chooseQop(u"auth-int"_s), QString());
        QVERIFY(SipDigest::supports(QString()));
        QVERIFY(SipDigest::supports(u"md5-sess"_s));
        QVERIFY(!SipDigest::supports(u"SHA-512-256"_s));
        SipDigest d;
        d.algorithm = u"AKAv1-MD5"_s;
        QVERIFY(!d.response().has_value());
    }

    void eventHeaderPerVendor()
    {
        QCOMPARE(SipNotifier::eventHeaderFor(u"yealink"_s), u"check-sync;reboot=false"_s);
        QCOMPARE(SipNotifier::eventHeaderFor(u"Snom"_s), u"check-sync;reboot=false"_s);
        QCOMPARE(SipNotifier::eventHeaderFor(u"polycom"_s), u"check-sync"_s);
        QCOMPARE(SipNotifier::eventHeaderFor(QString()), u"check-sync"_s);
    }

    void reloaded_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("scenario");
        QTest::newRow("yealink") << u"yealink"_s << u"check-sync-reboot-false.xml"_s;
        QTest::newRow("snom") << u"snom"_s << u"check-sync-reboot-false.xml"_s;
        QTest::newRow("polycom") << u"polycom"_s << u"check-sync-plain.xml"_s;
        QTest::newRow("unknown vendor") << QString() << u"check-sync-plain.xml"_s;
    }
    void reloaded()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, scenario);
        auto p = phone(scenario);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        const SipReloadResult r = send(notifier, p->target(vendor));
        QCOMPARE(r.outcome, Outcome::Reloaded);
        QCOMPARE(r.statusCode, 200);
        QCOMPARE(r.reasonPhrase, u"OK"_s);
        QCOMPARE(r.message, u"The phone reloaded its configuration."_s);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
        QCOMPARE(notifier.pendingCount(), 0);
    }

    void wrongEventIsCaughtByThePhone()
    {
        // The scenario's checks are real: a plain check-sync sent to a phone that wants reboot=false fails sipp.
        auto p = phone(u"check-sync-reboot-false.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        send(notifier, p->target(u"polycom"_s));
        QVERIFY(!p->passed());
    }

    void emptyUserPart()
    {
        auto p = phone(u"check-sync-reboot-false.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t = p->target();
        t.userPart.clear();
        QCOMPARE(send(notifier, t).outcome, Outcome::Reloaded);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void digestChallengeAnswered()
    {
        auto p = phone(u"digest-401.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t = p->target();
        t.authUser = u"phone"_s;
        t.authPassword = u"s3cret"_s;
        const SipReloadResult r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::Reloaded);
        QCOMPARE(r.statusCode, 200);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void digestWrongPassword()
    {
        auto p = phone(u"digest-401.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t = p->target();
        t.authUser = u"phone"_s;
        t.authPassword = u"wrong"_s;
        const SipReloadResult r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::Refused);
        QCOMPARE(r.statusCode, 403);
        QCOMPARE(r.reasonPhrase, u"Forbidden"_s);
        QCOMPARE(r.message, u"The phone refused: 403 Forbidden."_s);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void secondChallengeRefusesCredentials()
    {
        auto p = phone(u"challenge-twice-407.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t = p->target();
        t.authUser = u"phone"_s;
        t.authPassword = u"s3cret"_s;
        const SipReloadResult r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::Refused);
        QCOMPARE(r.statusCode, 407);
        QVERIFY2(r.message.contains(u"refused the SIP user name and password"_s), qPrintable(r.message));
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void challengeWithoutCredentials()
    {
        auto p = phone(u"reject.xml"_s, {{u"@STATUS@"_s, u"401 Unauthorized"_s}});
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        const SipReloadResult r = send(notifier, p->target());
        QCOMPARE(r.outcome, Outcome::Refused);
        QCOMPARE(r.statusCode, 401);
        QVERIFY2(r.message.contains(u"none is set"_s), qPrintable(r.message));
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void retransmissionAnswered()
    {
        auto p = phone(u"retransmission.xml"_s, {}, {u"-nr"_s});
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        const SipReloadResult r = send(notifier, p->target());
        QCOMPARE(r.outcome, Outcome::Reloaded);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("486") << u"486 Busy Here"_s << 486 << u"Busy Here"_s;
        QTest::newRow("403") << u"403 Forbidden"_s << 403 << u"Forbidden"_s;
        QTest::newRow("489") << u"489 Bad Event"_s << 489 << u"Bad Event"_s;
    }
    void refused()
    {
        QFETCH(QString, status);
        QFETCH(int, code);
        QFETCH(QString, reason);
        auto p = phone(u"reject.xml"_s, {{u"@STATUS@"_s, status}});
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        const SipReloadResult r = send(notifier, p->target());
        QCOMPARE(r.outcome, Outcome::Refused);
        QCOMPARE(r.statusCode, code);
        QCOMPARE(r.reasonPhrase, reason);
        QCOMPARE(r.message, u"The phone refused: "_s + status + u'.');
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void requestAsSentAndMatching()
    {
        // A bare UDP socket plays the phone, to read the very bytes and answer by hand.
        QUdpSocket phoneSocket;
        QVERIFY(phoneSocket.bind(QHostAddress::LocalHost, 0));
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        QSignalSpy spy(&notifier, &SipNotifier::finished);
        SipReloadTarget t;
        t.host = u"127.0.0.1"_s;
        t.port = phoneSocket.localPort();
        t.userPart = u"000413AABBCC"_s;
        t.vendor = u"snom"_s;
        notifier.checkSync(t);

        QTRY_VERIFY(phoneSocket.hasPendingDatagrams());
        const QNetworkDatagram first = phoneSocket.receiveDatagram();
        const QString request = QString::fromUtf8(first.data());
        const QString port = QString::number(t.port);
        QVERIFY2(request.startsWith(u"NOTIFY sip:000413AABBCC@127.0.0.1:"_s + port + u" SIP/2.0\r\n"_s), qPrintable(request));
        QVERIFY(request.endsWith(u"\r\n\r\n"_s));
        const QString via = headerOf(request, u"Via"_s);
        QVERIFY2(via.startsWith(u"SIP/2.0/UDP 127.0.0.1:"_s + QString::number(first.senderPort()) + u";branch=z9hG4bK"_s), qPrintable(via));
        QCOMPARE(headerOf(request, u"Max-Forwards"_s), u"70"_s);
        QVERIFY(headerOf(request, u"From"_s).contains(u";tag="_s));
        QCOMPARE(headerOf(request, u"To"_s), u"<sip:000413AABBCC@127.0.0.1:"_s + port + u'>');
        QVERIFY(!headerOf(request, u"Call-ID"_s).isEmpty());
        QCOMPARE(headerOf(request, u"CSeq"_s), u"1 NOTIFY"_s);
        QVERIFY(headerOf(request, u"Contact"_s).startsWith(u"<sip:"_s));
        QCOMPARE(headerOf(request, u"Event"_s), u"check-sync;reboot=false"_s);
        QCOMPARE(headerOf(request, u"Subscription-State"_s), u"terminated"_s);
        QVERIFY(headerOf(request, u"User-Agent"_s).startsWith(u"Centrale"_s));
        QCOMPARE(headerOf(request, u"Content-Length"_s), u"0"_s);

        // Timer E: the same bytes again.
        QTRY_VERIFY(phoneSocket.hasPendingDatagrams());
        QCOMPARE(phoneSocket.receiveDatagram().data(), first.data());

        // A response for another branch belongs to no transaction: ignored.
        QString otherVia = via;
        otherVia.replace(u"z9hG4bK"_s, u"z9hG4bKother"_s);
        phoneSocket.writeDatagram(responseTo(request, u"200 OK"_s, otherVia), first.senderAddress(), first.senderPort());
        // And so is a datagram that is not SIP.
        phoneSocket.writeDatagram(QByteArray("hello\r\n"), first.senderAddress(), first.senderPort());
        QTest::qWait(100);
        QCOMPARE(spy.size(), 0);

        // A provisional answer, then the final one.
        phoneSocket.writeDatagram(responseTo(request, u"100 Trying"_s), first.senderAddress(), first.senderPort());
        phoneSocket.writeDatagram(responseTo(request, u"202 Accepted"_s), first.senderAddress(), first.senderPort());
        QTRY_COMPARE(spy.size(), 1);
        const auto r = spy.at(0).at(1).value<SipReloadResult>();
        QCOMPARE(r.outcome, Outcome::Reloaded);
        QCOMPARE(r.statusCode, 202);
        QCOMPARE(r.reasonPhrase, u"Accepted"_s);
        // The response's retransmission changes nothing.
        phoneSocket.writeDatagram(responseTo(request, u"202 Accepted"_s), first.senderAddress(), first.senderPort());
        QTest::qWait(100);
        QCOMPARE(spy.size(), 1);
    }

    void ipv6Phone()
    {
        QUdpSocket phoneSocket;
        if (!phoneSocket.bind(QHostAddress::LocalHostIPv6, 0))
            QFAIL("this machine has no IPv6 loopback (::1)");
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        QSignalSpy spy(&notifier, &SipNotifier::finished);
        SipReloadTarget t;
        t.host = u"::1"_s;
        t.port = phoneSocket.localPort();
        notifier.checkSync(t);
        QTRY_VERIFY(phoneSocket.hasPendingDatagrams());
        const QNetworkDatagram d = phoneSocket.receiveDatagram();
        const QString request = QString::fromUtf8(d.data());
        QVERIFY2(request.startsWith(u"NOTIFY sip:[::1]:"_s + QString::number(t.port) + u" SIP/2.0"_s), qPrintable(request));
        QVERIFY(headerOf(request, u"Via"_s).startsWith(u"SIP/2.0/UDP [::1]:"_s));
        phoneSocket.writeDatagram(responseTo(request, u"486 Busy Here"_s), d.senderAddress(), d.senderPort());
        QTRY_COMPARE(spy.size(), 1);
        const auto r = spy.at(0).at(1).value<SipReloadResult>();
        QCOMPARE(r.outcome, Outcome::Refused);
        QCOMPARE(r.statusCode, 486);
        QCOMPARE(r.message, u"The phone refused: 486 Busy Here."_s);
    }

    void nothingListening()
    {
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t;
        t.host = u"127.0.0.1"_s;
        t.port = freeUdpPort();
        const SipReloadResult r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::NoAnswer);
        QCOMPARE(r.statusCode, 0);
        QCOMPARE(r.message, u"No answer from the phone at 127.0.0.1:"_s + QString::number(t.port) + u'.');
    }

    void silentPhone()
    {
        auto p = phone(u"silent.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        const SipReloadResult r = send(notifier, p->target());
        QCOMPARE(r.outcome, Outcome::NoAnswer);
        QCOMPARE(r.message, u"No answer from the phone at 127.0.0.1:"_s + QString::number(p->port()) + u'.');
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void badAddresses()
    {
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t;
        SipReloadResult r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::Error);
        QVERIFY2(r.message.contains(u"no network address"_s), qPrintable(r.message));

        t.host = u"phone-that-does-not-exist.invalid"_s;
        r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::Error);
        QCOMPARE(r.message, u"The phone's address phone-that-does-not-exist.invalid could not be found: check the host name."_s);

        t.host = u"127.0.0.1"_s;
        t.port = 0;
        r = send(notifier, t);
        QCOMPARE(r.outcome, Outcome::Error);
    }

    void hostNameResolves()
    {
        auto p = phone(u"check-sync-reboot-false.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        SipReloadTarget t = p->target();
        t.host = u"localhost"_s;
        QCOMPARE(send(notifier, t).outcome, Outcome::Reloaded);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void manyPhonesInFlight()
    {
        auto ok = phone(u"check-sync-reboot-false.xml"_s);
        auto busy = phone(u"reject.xml"_s, {{u"@STATUS@"_s, u"486 Busy Here"_s}});
        auto plain = phone(u"check-sync-plain.xml"_s);
        auto late = phone(u"retransmission.xml"_s, {}, {u"-nr"_s});
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        QSignalSpy spy(&notifier, &SipNotifier::finished);
        SipReloadTarget gone;
        gone.host = u"127.0.0.1"_s;
        gone.port = freeUdpPort();
        const quint64 idOk = notifier.checkSync(ok->target(u"snom"_s));
        const quint64 idBusy = notifier.checkSync(busy->target());
        const quint64 idGone = notifier.checkSync(gone);
        const quint64 idPlain = notifier.checkSync(plain->target(u"grandstream"_s));
        const quint64 idLate = notifier.checkSync(late->target());
        QCOMPARE(spy.size(), 0); // never from inside checkSync()
        QCOMPARE(notifier.pendingCount(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 5, 30000);
        QTest::qWait(300); // Timer K and stray retransmissions: still one signal per request
        QCOMPARE(spy.size(), 5);
        QHash<quint64, SipReloadResult> results;
        for (const QList<QVariant> &args : spy)
            results.insert(args.at(0).toULongLong(), args.at(1).value<SipReloadResult>());
        QCOMPARE(results.size(), 5);
        QCOMPARE(results.value(idOk).outcome, Outcome::Reloaded);
        QCOMPARE(results.value(idBusy).outcome, Outcome::Refused);
        QCOMPARE(results.value(idBusy).statusCode, 486);
        QCOMPARE(results.value(idGone).outcome, Outcome::NoAnswer);
        QCOMPARE(results.value(idPlain).outcome, Outcome::Reloaded);
        QCOMPARE(results.value(idLate).outcome, Outcome::Reloaded);
        QCOMPARE(notifier.pendingCount(), 0);
        for (SippPhone *p : {ok.get(), busy.get(), plain.get(), late.get()})
            QVERIFY2(p->passed(), qPrintable(p->diagnostics()));
    }

    void bulkBeyondTheInFlightLimit()
    {
        // More phones than requests in flight at once: the rest wait their turn, none is lost.
        QUdpSocket phoneSocket;
        QVERIFY(phoneSocket.bind(QHostAddress::LocalHost, 0));
        connect(&phoneSocket, &QUdpSocket::readyRead, &phoneSocket, [&phoneSocket] {
            while (phoneSocket.hasPendingDatagrams()) {
                const QNetworkDatagram d = phoneSocket.receiveDatagram();
                phoneSocket.writeDatagram(responseTo(QString::fromUtf8(d.data()), u"200 OK"_s), d.senderAddress(), d.senderPort());
            }
        });
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        QSignalSpy spy(&notifier, &SipNotifier::finished);
        QSet<quint64> ids;
        SipReloadTarget t;
        t.host = u"127.0.0.1"_s;
        t.port = phoneSocket.localPort();
        for (int i = 0; i < 450; ++i) {
            t.userPart = u"phone"_s + QString::number(i);
            ids.insert(notifier.checkSync(t));
        }
        QCOMPARE(ids.size(), 450);
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 450, 30000);
        QSet<quint64> seen;
        for (const QList<QVariant> &args : spy) {
            seen.insert(args.at(0).toULongLong());
            QCOMPARE(args.at(1).value<SipReloadResult>().outcome, Outcome::Reloaded);
        }
        QCOMPARE(seen, ids);
        QCOMPARE(notifier.pendingCount(), 0);
    }

    void checkSyncAndWait()
    {
        auto p = phone(u"check-sync-reboot-false.xml"_s);
        SipNotifier notifier;
        notifier.setTimers(shortTimers());
        const SipReloadResult r = notifier.checkSyncAndWait(p->target());
        QCOMPARE(r.outcome, Outcome::Reloaded);
        QVERIFY2(p->passed(), qPrintable(p->diagnostics()));

        SipReloadTarget nowhere;
        nowhere.host = u"127.0.0.1"_s;
        nowhere.port = freeUdpPort();
        QCOMPARE(notifier.checkSyncAndWait(nowhere).outcome, Outcome::NoAnswer);
    }

    void destroyedWithRequestsInFlight()
    {
        // Leaving with work pending frees libosip2's transactions (ASan watches) and never crashes.
        QUdpSocket sink; // receives and never answers
        QVERIFY(sink.bind(QHostAddress::LocalHost, 0));
        auto notifier = std::make_unique<SipNotifier>();
        notifier->setTimers(shortTimers());
        SipReloadTarget t;
        t.host = u"127.0.0.1"_s;
        t.port = sink.localPort();
        notifier->checkSync(t);
        notifier->checkSync(t);
        QTRY_VERIFY(sink.hasPendingDatagrams());
        QCOMPARE(notifier->pendingCount(), 2);
        notifier.reset();
    }
};

QTEST_GUILESS_MAIN(TestSipNotify)
#include "tst_sip_notify.moc"
