// centrale-cli phones ..., run as a process on a demo store: adding phones, programming and
// inheriting keys, key templates, provisioning files, reload outcomes, JSON and exit codes.
#include "CliRunner.h"
#include "SippPhone.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliPhones : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

    CliRun phones(const QStringList &args, const QString &language = u"en"_s)
    {
        return runCli(QStringList{u"phones"_s} + args + QStringList{u"--store"_s, m_store}, m_dir.filePath(u"xdg"_s), language);
    }

    QJsonArray json(const QStringList &args)
    {
        const CliRun r = phones(args + QStringList{u"--json"_s});
        if (r.code != 0)
            qWarning().noquote() << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QJsonObject keyOf(const QString &mac, int index)
    {
        for (const QJsonValue &v : json({u"keys"_s, mac})) {
            if (v[u"index"_s].toInt() == index)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(u"demo.sqlite"_s);
        const CliRun r = runCli({u"demo"_s, u"--store"_s, m_store, u"--users"_s, u"12"_s}, m_dir.filePath(u"xdg"_s));
        QCOMPARE(r.code, 0);
    }

    void help()
    {
        const CliRun r = runCli({u"--help"_s}, m_dir.filePath(u"xdg"_s));
        QVERIFY(r.out.contains(u"phones list|add|key|keys|render|reload|template"_s));
        const CliRun h = phones({u"--help"_s});
        QCOMPARE(h.code, 0);
        for (const char *action : {"phones add MAC", "phones key MAC INDEX", "phones render MAC", "phones reload", "phones template attach"})
            QVERIFY2(h.out.contains(QLatin1String(action)), action);
        const CliRun addHelp = phones({u"add"_s, u"--help"_s});
        QCOMPARE(addHelp.code, 0);
        QVERIFY(addHelp.out.contains(u"--address"_s));
        QCOMPARE(phones({u"frobnicate"_s}).code, 2);
    }

    void addAndList()
    {
        CliRun r = phones({u"add"_s, u"00:15:65:AA:00:01"_s, u"--model"_s, u"Yealink T57W"_s, u"--owner"_s, u"user.5@domaincustomer.be"_s,
                           u"--address"_s, u"127.0.0.1:5099"_s, u"--label"_s, u"Accueil"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(u"00:15:65:AA:00:01"_s));
        bool found = false;
        for (const QJsonValue &v : json({u"list"_s})) {
            if (v[u"mac"_s].toString() == u"001565AA0001"_s) {
                found = true;
                QCOMPARE(v[u"label"_s].toString(), u"Accueil"_s);
                QCOMPARE(v[u"sipAddress"_s].toString(), u"127.0.0.1:5099"_s);
                QCOMPARE(v[u"model"_s].toString(), u"Yealink T57W"_s);
                QVERIFY(v[u"pendingPush"_s].toBool());
            }
        }
        QVERIFY(found);
        const CliRun table = phones({u"list"_s});
        QVERIFY(table.out.contains(u"Accueil"_s));
        QVERIFY(table.out.contains(u"changes waiting"_s));

        // Refusals: exit 1 with a message; a wrong command line: exit 2.
        r = phones({u"add"_s, u"001565AA0001"_s, u"--model"_s, u"Yealink T57W"_s, u"--owner"_s, u"user.5@domaincustomer.be"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"already exists"_s));
        r = phones({u"add"_s, u"001565AA0002"_s, u"--model"_s, u"Yealink T57W"_s, u"--owner"_s, u"user.5@domaincustomer.be"_s,
                    u"--address"_s, u"10.0.0.1:99999"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"not a SIP address"_s));
        r = phones({u"add"_s, u"001565AA0002"_s, u"--model"_s, u"Nokia 3310"_s, u"--owner"_s, u"user.5@domaincustomer.be"_s});
        QCOMPARE(r.code, 1);
        QCOMPARE(phones({u"add"_s, u"001565AA0002"_s}).code, 2);
    }

    void programKeys()
    {
        const QString mac = u"001565AA0001"_s;
        CliRun r = phones({u"key"_s, mac, u"1"_s, u"extension"_s, u"user.2@domaincustomer.be"_s});
        QCOMPARE(r.code, 0);
        r = phones({u"key"_s, mac, u"2"_s, u"number"_s, u"02 349 49 49"_s, u"--label"_s, u"Taxi Verts"_s});
        QCOMPARE(r.code, 0);
        QJsonObject k1 = keyOf(mac, 1);
        QCOMPARE(k1[u"type"_s].toString(), u"extension"_s);
        QCOMPARE(k1[u"value"_s].toString(), u"user.2@domaincustomer.be"_s);
        QCOMPARE(k1[u"source"_s].toString(), u"phone"_s);
        QJsonObject k2 = keyOf(mac, 2);
        QCOMPARE(k2[u"value"_s].toString(), u"+3223494949"_s);
        QCOMPARE(k2[u"label"_s].toString(), u"Taxi Verts"_s);
        QCOMPARE(keyOf(mac, 3)[u"source"_s].toString(), u"none"_s);

        // Bad input: exit 1 and a message that says what to fix; nothing changes.
        r = phones({u"key"_s, mac, u"2"_s, u"number"_s, u"12"_s, u"--label"_s, u"Nope"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(keyOf(mac, 2)[u"value"_s].toString(), u"+3223494949"_s);
        r = phones({u"key"_s, mac, u"40"_s, u"empty"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"Key 40 does not exist"_s));
        QCOMPARE(phones({u"key"_s, mac, u"2"_s, u"number"_s, u"+3223494949"_s}).code, 2); // no --label
        QCOMPARE(phones({u"key"_s, mac, u"2"_s, u"teleport"_s}).code, 2);
        r = phones({u"key"_s, mac, u"1"_s, u"extension"_s, u"nobody@domaincustomer.be"_s});
        QCOMPARE(r.code, 1);
    }

    void templatesAndInheritance()
    {
        const QString mac = u"001565AA0001"_s; // user.5: in which group? Attach to all three to be sure.
        QCOMPARE(phones({u"template"_s, u"create"_s, u"Équipe"_s}).code, 0);
        QCOMPARE(phones({u"template"_s, u"key"_s, u"Équipe"_s, u"3"_s, u"number"_s, u"+3222345678"_s, u"--label"_s, u"Comptabilité"_s}).code, 0);
        QCOMPARE(phones({u"template"_s, u"key"_s, u"Équipe"_s, u"2"_s, u"extension"_s, u"user.1@domaincustomer.be"_s}).code, 0);
        for (const QString &group : {u"Sales"_s, u"Support"_s, u"Management"_s}) {
            const CliRun r = phones({u"template"_s, u"attach"_s, u"Équipe"_s, u"--group"_s, group});
            QCOMPARE(r.code, 0);
        }
        QJsonArray templates = json({u"template"_s, u"list"_s});
        bool found = false;
        for (const QJsonValue &t : templates) {
            if (t[u"name"_s].toString() == u"Équipe"_s) {
                found = true;
                QCOMPARE(t[u"groups"_s].toArray().size(), 3);
                QCOMPARE(t[u"keys"_s].toArray().size(), 2);
            }
        }
        QVERIFY(found);
        // The demo's own templates lost their groups to this one.
        QJsonObject k3 = keyOf(mac, 3);
        QCOMPARE(k3[u"source"_s].toString(), u"template"_s);
        QVERIFY(k3[u"inherited"_s].toBool());
        QCOMPARE(k3[u"template"_s].toString(), u"Équipe"_s);
        QCOMPARE(k3[u"label"_s].toString(), u"Comptabilité"_s);
        // The phone's own key 2 overrides the template's key 2.
        QJsonObject k2 = keyOf(mac, 2);
        QCOMPARE(k2[u"source"_s].toString(), u"phone"_s);
        QVERIFY(k2[u"overridesTemplate"_s].toBool());
        const CliRun table = phones({u"keys"_s, mac});
        QVERIFY2(table.out.contains(u"Équipe (group "_s), qPrintable(table.out));
        QVERIFY(table.out.contains(u"this phone (instead of Équipe)"_s));

        // "empty" hides the template's key; "inherit" gives it back.
        QCOMPARE(phones({u"key"_s, mac, u"3"_s, u"empty"_s}).code, 0);
        QCOMPARE(keyOf(mac, 3)[u"type"_s].toString(), u"empty"_s);
        QCOMPARE(keyOf(mac, 3)[u"source"_s].toString(), u"phone"_s);
        QCOMPARE(phones({u"key"_s, mac, u"3"_s, u"inherit"_s}).code, 0);
        QCOMPARE(keyOf(mac, 3)[u"source"_s].toString(), u"template"_s);

        QCOMPARE(phones({u"template"_s, u"attach"_s, u"Équipe"_s, u"--group"_s, u"Nobody"_s}).code, 1);
        QCOMPARE(phones({u"template"_s, u"attach"_s, u"Nope"_s, u"--group"_s, u"Sales"_s}).code, 1);
    }

    void render()
    {
        const QString mac = u"001565AA0001"_s;
        CliRun r = phones({u"render"_s, mac});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(u"#!version:1.0.0.1\n"_s));
        QVERIFY(r.out.contains(u"linekey.1.type = 16\nlinekey.1.value = user.2@domaincustomer.be\n"_s));
        QVERIFY(r.out.contains(u"linekey.2.type = 13\nlinekey.2.value = +3223494949\nlinekey.2.label = Taxi Verts\n"_s));
        QVERIFY(r.out.contains(u"linekey.3.type = 13\nlinekey.3.value = +3222345678\nlinekey.3.label = Comptabilité\n"_s));
        QVERIFY(r.out.contains(u"linekey.29.type = 0\n"_s)); // every key of a T57W, so old keys are cleared

        const QString out = m_dir.filePath(u"phone.cfg"_s);
        r = phones({u"render"_s, mac, u"--out"_s, out});
        QCOMPARE(r.code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), phones({u"render"_s, mac}).out);

        r = phones({u"render"_s, u"000413000003"_s}); // the demo's Mitel
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"Mitel 6867i"_s));
        r = phones({u"render"_s, u"00000000BEEF"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(u"There is no phone"_s));
    }

    void reloadWithoutAddressWaits()
    {
        const QString dir = m_dir.filePath(u"provisioning"_s);
        const CliRun r = phones({u"reload"_s, u"000413000000"_s, u"--provisioning-dir"_s, dir});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"changes waiting"_s), qPrintable(r.err));
        QVERIFY(r.err.contains(u"no SIP address"_s));
        QVERIFY(QFile::exists(dir + u"/000413000000.xml"_s)); // the file is written all the same
        QCOMPARE(phones({u"reload"_s}).code, 2);
        QCOMPARE(phones({u"reload"_s, u"000413000000"_s, u"--all"_s}).code, 2);
    }

    // A real SIP peer: sipp plays a Snom phone on loopback and checks the NOTIFY it receives.
    void reloadReachesThePhone()
    {
        SippPhone phone(m_dir.path(), u"check-sync-reboot-false.xml"_s);
        QVERIFY(phone.start());
        const QString address = u"127.0.0.1:"_s + QString::number(phone.port());
        CliRun r = phones({u"add"_s, u"000413AA0101"_s, u"--model"_s, u"Snom D735"_s, u"--owner"_s, u"user.3@domaincustomer.be"_s,
                           u"--address"_s, address});
        QCOMPARE(r.code, 0);
        r = phones({u"reload"_s, u"000413AA0101"_s, u"--provisioning-dir"_s, m_dir.filePath(u"provisioning"_s)});
        QVERIFY2(r.code == 0, qPrintable(r.err + phone.diagnostics()));
        QVERIFY2(r.out.contains(u"reloaded"_s, Qt::CaseInsensitive), qPrintable(r.out));
        QVERIFY2(phone.passed(), qPrintable(phone.diagnostics()));
        // Nothing waits any more for that phone.
        const QJsonArray list = json({u"list"_s});
        bool found = false;
        for (const QJsonValue &v : list) {
            if (v[u"mac"_s].toString() == u"000413AA0101"_s) {
                found = true;
                QCOMPARE(v[u"pendingPush"_s].toBool(), false);
            }
        }
        QVERIFY(found);
    }

    void reloadOfASilentPhoneEndsInNoAnswer()
    {
        // Nothing listens on this port; T1 shortened so that Timer F ends the wait soon.
        const quint16 port = freeUdpPort();
        QVERIFY(port != 0);
        qputenv("CENTRALE_SIP_T1_MS", "50");
        CliRun r = phones({u"add"_s, u"000413AA0102"_s, u"--model"_s, u"Snom D735"_s, u"--owner"_s, u"user.4@domaincustomer.be"_s,
                           u"--address"_s, u"127.0.0.1:"_s + QString::number(port)});
        QCOMPARE(r.code, 0);
        r = phones({u"reload"_s, u"000413AA0102"_s, u"--provisioning-dir"_s, m_dir.filePath(u"provisioning"_s)});
        qunsetenv("CENTRALE_SIP_T1_MS");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"no answer"_s, Qt::CaseInsensitive), qPrintable(r.err));
    }

    void frenchMessages()
    {
        CliRun r = phones({u"keys"_s, u"00000000BEEF"_s}, u"fr"_s);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"Il n'y a pas de téléphone avec l'adresse MAC 00:00:00:00:BE:EF."_s), qPrintable(r.err));
        r = phones({u"reload"_s, u"000413000000"_s, u"--provisioning-dir"_s, m_dir.filePath(u"provisioning"_s)}, u"fr"_s);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(u"changements en attente"_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPhones)
#include "tst_cli_phones.moc"
