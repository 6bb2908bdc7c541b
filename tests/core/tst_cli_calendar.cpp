// centrale-cli calendar ... and functions add, run as a process on the demo store: output, JSON,
// errors and exit codes.
#include "CliRunner.h"

#include "calendar/BelgianHolidays.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using centrale::BelgianHolidays;

class TestCliCalendar : public QObject {
    Q_OBJECT

    using Run = CliRun;

    Run cli(QStringList args)
    {
        args << QStringLiteral("--store") << m_store;
        return runCli(args, m_dir.filePath(QStringLiteral("xdg")));
    }

    QJsonValue json(const QStringList &args)
    {
        const Run r = cli(QStringList(args) << QStringLiteral("--json"));
        if (r.code != 0)
            qWarning().noquote() << r.code << r.err;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

    QJsonObject stateAt(const QString &number, const QString &at)
    {
        return json({QStringLiteral("calendar"), QStringLiteral("state"), QStringLiteral("--number"), number, QStringLiteral("--at"), at})
            .toObject();
    }

    QJsonArray events(const QString &number)
    {
        return json({QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--number"), number}).toArray();
    }

    // A new function number outside the pool, with an empty calendar.
    QString newFunction()
    {
        const QString number = QStringLiteral("+3225551%1").arg(m_next++, 3, 10, QLatin1Char('0'));
        const Run r = cli(
            {QStringLiteral("functions"), QStringLiteral("add"), number, QStringLiteral("--name"), QStringLiteral("Test %1").arg(m_next)});
        if (r.code != 0)
            qWarning().noquote() << r.err;
        return number;
    }

    // The demo's calendar starts this year; the checks ask about next year (2027 when written).
    static int year() { return QDate::currentDate().year() + 1; }
    static QDate newYear() { return QDate(year(), 1, 1); }
    static QDate firstMonday()
    {
        QDate d(year(), 1, 4);
        while (d.dayOfWeek() != Qt::Monday)
            d = d.addDays(1);
        return d;
    }
    // The Monday after the spring change (the last Sunday of March).
    static QDate springMonday()
    {
        QDate d(year(), 3, 31);
        while (d.dayOfWeek() != Qt::Sunday)
            d = d.addDays(-1);
        return d.addDays(1);
    }
    static QString at(const QDate &day, const char *time) { return day.toString(Qt::ISODate) + QLatin1Char('T') + QLatin1String(time); }

    static QString data(const char *name) { return QStringLiteral(CENTRALE_TEST_DATA "/ics/") + QLatin1String(name); }

    QTemporaryDir m_dir;
    QString m_store;
    int m_next = 100;
    const QString m_accueil = QStringLiteral("+32 2 300 00 00");

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Run r = cli({QStringLiteral("demo")});
        QCOMPARE(r.code, 0);
    }

    void help()
    {
        QProcess p;
        p.start(QStringLiteral(CENTRALE_CLI), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString usage = QString::fromUtf8(p.readAllStandardOutput());
        for (const char *command : {"functions add", "calendar default", "calendar events", "calendar state", "calendar transitions",
                 "calendar import", "calendar export", "calendar holidays"})
            QVERIFY2(usage.contains(QLatin1String(command)), command);
        const Run r = cli({QStringLiteral("calendar"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("--number")));
        QVERIFY(r.out.contains(QLatin1String("--from-year")));
    }

    void stateOnTheDemo()
    {
        // New Year's Day: closed by "Nouvel an", playing "Fermeture annuelle".
        QJsonObject s = stateAt(m_accueil, at(newYear(), "10:00:00"));
        QCOMPARE(s[QLatin1String("state")].toString(), QStringLiteral("closed"));
        QCOMPARE(s[QLatin1String("event")].toString(), QStringLiteral("Nouvel an"));
        QCOMPARE(s[QLatin1String("prompt")].toString(), QStringLiteral("Fermeture annuelle"));
        QCOMPARE(s[QLatin1String("at")].toString(), at(newYear(), "10:00:00+01:00"));
        // A Monday at 10:00: open; the number in another format.
        s = stateAt(QStringLiteral("02 300 00 00"), at(firstMonday(), "10:00:00"));
        QCOMPARE(s[QLatin1String("state")].toString(), QStringLiteral("open"));
        QCOMPARE(s[QLatin1String("event")].toString(), QStringLiteral("Heures d'ouverture"));
        QCOMPARE(s[QLatin1String("prompt")].toString(), QStringLiteral("Accueil"));
        // Instants with an offset mean exactly that instant: 09:00Z is 10:00 in Brussels; 12:30 is closed.
        QCOMPARE(stateAt(QStringLiteral("+3223000000"), at(firstMonday(), "09:00:00Z"))[QLatin1String("state")].toString(),
            QStringLiteral("open"));
        QCOMPARE(stateAt(m_accueil, at(firstMonday(), "12:30:00+01:00"))[QLatin1String("state")].toString(), QStringLiteral("closed"));
        QCOMPARE(stateAt(m_accueil, at(firstMonday(), "11:30:00Z"))[QLatin1String("state")].toString(), QStringLiteral("closed"));
        // Summer time: 08:45+02:00 on a Monday is open, 06:15Z (08:15 local) is not yet.
        QCOMPARE(stateAt(m_accueil, at(springMonday(), "08:45:00+02:00"))[QLatin1String("state")].toString(), QStringLiteral("open"));
        QCOMPARE(stateAt(m_accueil, at(springMonday(), "06:15:00Z"))[QLatin1String("state")].toString(), QStringLiteral("closed"));
        // Saturday: the default state decides.
        s = stateAt(m_accueil, at(firstMonday().addDays(5), "10:00:00"));
        QCOMPARE(s[QLatin1String("state")].toString(), QStringLiteral("closed"));
        QCOMPARE(s[QLatin1String("eventId")].toString(), QString());

        // Text output, and "now" by default.
        Run r = cli({QStringLiteral("calendar"), QStringLiteral("state"), QStringLiteral("--number"), m_accueil, QStringLiteral("--at"),
            at(newYear(), "10:00:00")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Closed")));
        QVERIFY(r.out.contains(QLatin1String("Fermeture annuelle")));
        QVERIFY(r.out.contains(QLatin1String("Nouvel an")));
        r = cli({QStringLiteral("calendar"), QStringLiteral("state"), QStringLiteral("--number"), m_accueil});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Accueil")));
    }

    void eventsOfTheDemo()
    {
        const QJsonArray list = events(m_accueil);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0)[QLatin1String("title")].toString(), QStringLiteral("Nouvel an"));
        QCOMPARE(list.at(0)[QLatin1String("prompt")].toString(), QStringLiteral("Fermeture annuelle"));
        QVERIFY(list.at(0)[QLatin1String("allDay")].toBool());
        QCOMPARE(list.at(1)[QLatin1String("title")].toString(), QStringLiteral("Heures d'ouverture"));
        QCOMPARE(list.at(1)[QLatin1String("rrule")].toString(), QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
        const Run r = cli({QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--number"), m_accueil});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Heures d'ouverture")));
        QVERIFY(r.out.contains(QLatin1String("08:30")));
    }

    void transitionsOfTheDemo()
    {
        const QJsonArray list = json(
            {QStringLiteral("calendar"), QStringLiteral("transitions"), QStringLiteral("--number"), m_accueil, QStringLiteral("--from"),
                at(firstMonday(), "00:00:00"), QStringLiteral("--to"), at(firstMonday().addDays(1), "00:00:00")})
                                    .toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0)[QLatin1String("at")].toString(), at(firstMonday(), "08:30:00+01:00"));
        QCOMPARE(list.at(0)[QLatin1String("state")].toString(), QStringLiteral("open"));
        QCOMPARE(list.at(1)[QLatin1String("at")].toString(), at(firstMonday(), "12:30:00+01:00"));
        QCOMPARE(list.at(1)[QLatin1String("state")].toString(), QStringLiteral("closed"));
        // Across the spring change: 08:30 is +02:00 from then on.
        const QJsonArray spring = json(
            {QStringLiteral("calendar"), QStringLiteral("transitions"), QStringLiteral("--number"), m_accueil, QStringLiteral("--from"),
                at(springMonday().addDays(-3), "00:00:00"), QStringLiteral("--to"), at(springMonday().addDays(1), "00:00:00")})
                                      .toArray();
        QCOMPARE(spring.size(), 4);
        QCOMPARE(spring.at(0)[QLatin1String("at")].toString(), at(springMonday().addDays(-3), "08:30:00+01:00"));
        QCOMPARE(spring.at(2)[QLatin1String("at")].toString(), at(springMonday(), "08:30:00+02:00"));
        const Run r = cli({QStringLiteral("calendar"), QStringLiteral("transitions"), QStringLiteral("--number"), m_accueil,
            QStringLiteral("--from"), at(firstMonday(), "00:00:00"), QStringLiteral("--to"), at(firstMonday().addDays(1), "00:00:00")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(at(firstMonday(), "08:30:00+01:00")));
        QVERIFY(r.out.contains(QLatin1String("Heures d'ouverture")));
    }

    void functionsAdd()
    {
        const QJsonArray free = json({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--free")}).toArray();
        QVERIFY(!free.isEmpty());
        const QString pooled = free.first()[QLatin1String("number")].toString();
        QJsonObject f
            = json({QStringLiteral("functions"), QStringLiteral("add"), pooled, QStringLiteral("--name"), QStringLiteral("Ventes")})
                  .toObject();
        QCOMPARE(f[QLatin1String("number")].toString(), pooled);
        QCOMPARE(f[QLatin1String("defaultState")].toString(), QStringLiteral("closed"));
        QVERIFY(f[QLatin1String("fromPool")].toBool());
        bool assigned = false;
        for (const QJsonValue &n : json({QStringLiteral("numbers"), QStringLiteral("list")}).toArray()) {
            if (n[QLatin1String("number")].toString() == pooled)
                assigned = n[QLatin1String("assignee")].toString() == QLatin1String("Ventes");
        }
        QVERIFY(assigned);
        // Outside the pool, in a national format.
        f = json({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("02 555 00 01"), QStringLiteral("--name"),
                     QStringLiteral("Externe")})
                .toObject();
        QCOMPARE(f[QLatin1String("number")].toString(), QStringLiteral("+3225550001"));
        QVERIFY(!f[QLatin1String("fromPool")].toBool());
        const Run text = cli({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("02 555 00 02"), QStringLiteral("--name"),
            QStringLiteral("Texte")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QLatin1String("+32 2 555 00 02")));

        Run r = cli({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("02 555 00 01"), QStringLiteral("--name"),
            QStringLiteral("Encore")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("already exists")));
        // A pool number that a user has: refused, and no function number is left behind.
        r = cli({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("+3223000002"), QStringLiteral("--name"),
            QStringLiteral("Pris")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("already assigned")), qPrintable(r.err));
        QCOMPARE(
            cli({QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--number"), QStringLiteral("+3223000002")}).code, 1);
        QCOMPARE(cli({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("12"), QStringLiteral("--name"),
                         QStringLiteral("Court")})
                     .code,
            1);
        QCOMPARE(cli({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("02 555 00 03")}).code, 2);
        QCOMPARE(
            cli({QStringLiteral("functions"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Sans numéro")}).code, 2);
    }

    void defaultState()
    {
        const QString number = newFunction();
        QCOMPARE(stateAt(number, QStringLiteral("2027-01-09T10:00:00"))[QLatin1String("state")].toString(), QStringLiteral("closed"));
        const QJsonObject f
            = json({QStringLiteral("calendar"), QStringLiteral("default"), QStringLiteral("--number"), number, QStringLiteral("open")})
                  .toObject();
        QCOMPARE(f[QLatin1String("defaultState")].toString(), QStringLiteral("open"));
        QCOMPARE(stateAt(number, QStringLiteral("2027-01-09T10:00:00"))[QLatin1String("state")].toString(), QStringLiteral("open"));
        const Run r
            = cli({QStringLiteral("calendar"), QStringLiteral("default"), QStringLiteral("--number"), number, QStringLiteral("closed")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("closed")));
        QCOMPARE(stateAt(number, QStringLiteral("2027-01-09T10:00:00"))[QLatin1String("state")].toString(), QStringLiteral("closed"));
        QCOMPARE(
            cli({QStringLiteral("calendar"), QStringLiteral("default"), QStringLiteral("--number"), number, QStringLiteral("ajar")}).code,
            2);
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("default"), QStringLiteral("--number"), number}).code, 2);
    }

    void importFixtures()
    {
        QString number = newFunction();
        QJsonObject r = json({QStringLiteral("calendar"), QStringLiteral("import"), data("google.ics"), QStringLiteral("--number"), number})
                            .toObject();
        QCOMPARE(r[QLatin1String("imported")].toArray().size(), 4);
        QCOMPARE(r[QLatin1String("skipped")].toArray().size(), 0);
        QCOMPARE(events(number).size(), 4);
        // 06:45Z on 29 March 2027 (summer time) is the training, closed.
        QJsonObject s = stateAt(number, QStringLiteral("2027-03-29T08:45:00"));
        QCOMPARE(s[QLatin1String("event")].toString(), QStringLiteral("Formation de l'équipe"));
        QCOMPARE(s[QLatin1String("state")].toString(), QStringLiteral("closed"));

        // Text output lists what was skipped and why.
        number = newFunction();
        Run t = cli({QStringLiteral("calendar"), QStringLiteral("import"), data("outlook.ics"), QStringLiteral("--number"), number});
        QCOMPARE(t.code, 0);
        QVERIFY(t.out.contains(QLatin1String("Skipped: 1")));
        QVERIFY(t.out.contains(QLatin1String("Renouveler le contrat de maintenance")));
        QVERIFY(t.out.contains(QLatin1String("VTODO")));
        QVERIFY(t.out.contains(QLatin1String("Permanence de nuit")));

        // The administrator chooses state and prompt.
        number = newFunction();
        r = json({QStringLiteral("calendar"), QStringLiteral("import"), data("apple.ics"), QStringLiteral("--number"), number,
                     QStringLiteral("--state"), QStringLiteral("open"), QStringLiteral("--prompt"), QStringLiteral("Accueil")})
                .toObject();
        QCOMPARE(r[QLatin1String("imported")].toArray().size(), 2);
        const QJsonArray skipped = r[QLatin1String("skipped")].toArray();
        QCOMPARE(skipped.size(), 2);
        QVERIFY(skipped.at(0)[QLatin1String("reason")].toString().contains(QLatin1String("RDATE")));
        for (const QJsonValue &e : events(number)) {
            QCOMPARE(e[QLatin1String("state")].toString(), QStringLiteral("open"));
            QCOMPARE(e[QLatin1String("prompt")].toString(), QStringLiteral("Accueil"));
        }
        // The file's X-CENTRALE-PROMPT is kept; an unknown one is a note.
        number = newFunction();
        t = cli({QStringLiteral("calendar"), QStringLiteral("import"), data("allday.ics"), QStringLiteral("--number"), number});
        QCOMPARE(t.code, 0);
        QVERIFY(t.out.contains(QLatin1String("Message des vacances")));
        QCOMPARE(events(number).at(0)[QLatin1String("prompt")].toString(), QStringLiteral("Fermeture annuelle"));
    }

    void importErrors()
    {
        const QString number = newFunction();
        for (const char *broken : {"not-ics.ics", "unterminated.ics", "bad-rrule.ics", "bad-date.ics"}) {
            const Run r = cli({QStringLiteral("calendar"), QStringLiteral("import"), data(broken), QStringLiteral("--number"), number});
            QCOMPARE(r.code, 1);
            QVERIFY2(!r.err.isEmpty(), broken);
        }
        Run r = cli({QStringLiteral("calendar"), QStringLiteral("import"), data("bad-rrule.ics"), QStringLiteral("--number"), number});
        QVERIFY2(r.err.contains(QLatin1String("line 16")), qPrintable(r.err));
        QCOMPARE(events(number).size(), 0); // nothing half-way

        r = cli({QStringLiteral("calendar"), QStringLiteral("import"), data("no-such.ics"), QStringLiteral("--number"), number});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no-such.ics")));
        r = cli({QStringLiteral("calendar"), QStringLiteral("import"), data("google.ics"), QStringLiteral("--number"), number,
            QStringLiteral("--prompt"), QStringLiteral("Pas de tel message")});
        QCOMPARE(r.code, 1);
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("import"), data("google.ics"), QStringLiteral("--number"), number,
                         QStringLiteral("--state"), QStringLiteral("half-open")})
                     .code,
            2);
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("import"), QStringLiteral("--number"), number}).code, 2);
        QCOMPARE(events(number).size(), 0);
    }

    void exportAndImportBack()
    {
        const QString file = m_dir.filePath(QStringLiteral("accueil.ics"));
        Run r = cli({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--number"), m_accueil, file});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("accueil.ics")));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("X-CENTRALE-PROMPT:Fermeture annuelle"));
        QVERIFY(text.contains("X-CENTRALE-DEFAULT-STATE:closed"));

        const QString copy = newFunction();
        QCOMPARE(
            cli({QStringLiteral("calendar"), QStringLiteral("default"), QStringLiteral("--number"), copy, QStringLiteral("open")}).code, 0);
        const QJsonObject imported
            = json({QStringLiteral("calendar"), QStringLiteral("import"), file, QStringLiteral("--number"), copy}).toObject();
        QVERIFY(imported[QLatin1String("defaultStateApplied")].toBool());
        const QJsonArray before = events(m_accueil);
        const QJsonArray after = events(copy);
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i) {
            for (const char *key : {"title", "state", "prompt", "promptId", "start", "end", "allDay", "position", "exceptions"})
                QCOMPARE(after.at(i)[QLatin1String(key)], before.at(i)[QLatin1String(key)]);
            QStringList a = after.at(i)[QLatin1String("rrule")].toString().split(QLatin1Char(';'));
            QStringList b = before.at(i)[QLatin1String("rrule")].toString().split(QLatin1Char(';'));
            a.sort();
            b.sort();
            QCOMPARE(a, b);
        }
        QCOMPARE(stateAt(copy, at(newYear(), "10:00:00"))[QLatin1String("prompt")].toString(), QStringLiteral("Fermeture annuelle"));
        QCOMPARE(stateAt(copy, at(firstMonday().addDays(5), "10:00:00"))[QLatin1String("state")].toString(), QStringLiteral("closed"));

        r = cli({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--number"), m_accueil,
            m_dir.filePath(QStringLiteral("no-such-folder/x.ics"))});
        QCOMPARE(r.code, 3); // a file that cannot be written is an I/O error
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--number"), m_accueil}).code, 2);
    }

    void holidays()
    {
        const QString number = newFunction();
        const QString file = m_dir.filePath(QStringLiteral("accueil2.ics"));
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("export"), QStringLiteral("--number"), m_accueil, file}).code, 0);
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("import"), file, QStringLiteral("--number"), number}).code, 0);
        // 10 national holidays a year, put above the existing events.
        const QJsonObject r
            = json({QStringLiteral("calendar"), QStringLiteral("holidays"), QStringLiteral("--from-year"), QString::number(year()),
                       QStringLiteral("--to-year"), QString::number(year() + 1), QStringLiteral("--number"), number})
                  .toObject();
        QCOMPARE(r[QLatin1String("added")].toArray().size(), 20);
        QJsonArray list = events(number);
        QCOMPARE(list.size(), 22);
        QCOMPARE(list.at(0)[QLatin1String("start")].toString(), at(newYear(), "00:00:00"));
        QCOMPARE(list.at(20)[QLatin1String("title")].toString(), QStringLiteral("Nouvel an"));
        QCOMPARE(list.at(21)[QLatin1String("title")].toString(), QStringLiteral("Heures d'ouverture"));
        for (int i = 0; i < list.size(); ++i)
            QCOMPARE(list.at(i)[QLatin1String("position")].toInt(), i);
        // 21 July, 10:00: closed by the national holiday, which now comes first.
        QJsonObject s = stateAt(number, at(QDate(year(), 7, 21), "10:00:00"));
        QCOMPARE(s[QLatin1String("state")].toString(), QStringLiteral("closed"));
        QVERIFY(!s[QLatin1String("event")].toString().isEmpty());
        QVERIFY(s[QLatin1String("event")].toString() != QLatin1String("Heures d'ouverture"));
        // Easter Monday of the next year (17 April in 2028) is closed, the Tuesday after it open.
        QCOMPARE(stateAt(number, at(BelgianHolidays::easterSunday(year() + 1).addDays(1), "10:00:00"))[QLatin1String("state")].toString(),
            QStringLiteral("closed"));
        QCOMPARE(stateAt(number, at(BelgianHolidays::easterSunday(year() + 1).addDays(2), "10:00:00"))[QLatin1String("state")].toString(),
            QStringLiteral("open"));

        // With the communities' holidays: 13 a year; 11 July is then closed.
        const QString other = newFunction();
        const Run t = cli({QStringLiteral("calendar"), QStringLiteral("holidays"), QStringLiteral("--from-year"), QStringLiteral("2027"),
            QStringLiteral("--to-year"), QStringLiteral("2027"), QStringLiteral("--communities"), QStringLiteral("--number"), other});
        QCOMPARE(t.code, 0);
        QVERIFY(t.out.contains(QLatin1String("13")));
        QCOMPARE(events(other).size(), 13);

        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("holidays"), QStringLiteral("--from-year"), QStringLiteral("2028"),
                         QStringLiteral("--to-year"), QStringLiteral("2027"), QStringLiteral("--number"), other})
                     .code,
            2);
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("holidays"), QStringLiteral("--from-year"), QStringLiteral("soon"),
                         QStringLiteral("--to-year"), QStringLiteral("2027"), QStringLiteral("--number"), other})
                     .code,
            2);
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("holidays"), QStringLiteral("--number"), other}).code, 2);
        QCOMPARE(events(other).size(), 13);
    }

    void commandLineErrors()
    {
        Run r = cli({QStringLiteral("calendar")});
        QCOMPARE(r.code, 2);
        r = cli({QStringLiteral("calendar"), QStringLiteral("explode"), QStringLiteral("--number"), m_accueil});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("transitions")));
        r = cli({QStringLiteral("calendar"), QStringLiteral("events")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--number")));
        r = cli({QStringLiteral("calendar"), QStringLiteral("state"), QStringLiteral("--number"), m_accueil, QStringLiteral("--at"),
            QStringLiteral("tomorrow")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("tomorrow")));
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("transitions"), QStringLiteral("--number"), m_accueil,
                         QStringLiteral("--from"), QStringLiteral("2027-01-01T00:00:00")})
                     .code,
            2);
        QCOMPARE(
            cli({QStringLiteral("calendar"), QStringLiteral("transitions"), QStringLiteral("--number"), m_accueil, QStringLiteral("--from"),
                    QStringLiteral("2027-01-02T00:00:00"), QStringLiteral("--to"), QStringLiteral("2027-01-01T00:00:00")})
                .code,
            2);
        QCOMPARE(
            cli({QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--bogus"), QStringLiteral("--number"), m_accueil})
                .code,
            2);
        // A number that is not a function number, or not a number.
        r = cli({QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--number"), QStringLiteral("02 300 09 99")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("+32 2 300 09 99")));
        QCOMPARE(cli({QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--number"), QStringLiteral("pizza")}).code, 1);
        // No store.
        QProcess p;
        p.start(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("calendar"), QStringLiteral("events"), QStringLiteral("--number"), m_accueil, QStringLiteral("--store"),
                m_dir.filePath(QStringLiteral("none.sqlite"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliCalendar)
#include "tst_cli_calendar.moc"
