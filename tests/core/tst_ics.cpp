// iCalendar import and export: real export shapes (Google, Outlook, Apple), all-day and folded
// files, broken files refused as a whole, and import(export(x)) == x.
#include "TestStore.h"

#include "calendar/IcsCalendar.h"
#include "calendar/ScheduleEngine.h"
#include "demo/DemoGenerator.h"

#include <QFile>
#include <QTest>

using namespace centrale;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(CENTRALE_TEST_DATA "/ics/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

QDateTime local(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi));
}

QDateTime bxl(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone(QByteArrayLiteral("Europe/Brussels")));
}

const ScheduleEvent *byTitle(const QList<ScheduleEvent> &events, const QString &title)
{
    for (const ScheduleEvent &e : events) {
        if (e.title == title)
            return &e;
    }
    return nullptr;
}

// The same rule whatever the order of its parts (libical writes its parts in its own order).
QStringList ruleParts(const QString &rule)
{
    QStringList parts = rule.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    parts.sort();
    return parts;
}

QString wall(const QDateTime &dt)
{
    return dt.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
}

QStringList walls(const QList<QDateTime> &list)
{
    QStringList out;
    for (const QDateTime &dt : list)
        out << wall(dt);
    out.sort();
    return out;
}

// What a calendar is, for comparing: everything but ids and bookkeeping.
QStringList describe(const QList<ScheduleEvent> &events)
{
    QStringList out;
    for (const ScheduleEvent &e : events)
        out << QStringList {QString::number(e.position), e.title, openStateName(e.state), e.promptId, wall(e.start), wall(e.end),
            e.allDay ? QStringLiteral("all-day") : QStringLiteral("timed"), ruleParts(e.rrule).join(QLatin1Char(';')),
            walls(e.exceptions).join(QLatin1Char(','))}
                   .join(QLatin1Char('|'));
    return out;
}

} // namespace

class TestIcs : public QObject {
    Q_OBJECT

    TestStore m_db;
    QString m_promptId; // "Fermeture annuelle"
    QString m_otherPromptId; // "Accueil"
    int m_next = 10;

    // A new function number with an empty calendar.
    FunctionNumber newFunction(OpenState defaultState = OpenState::Closed)
    {
        FunctionNumber f;
        f.number = QStringLiteral("+32230001%1").arg(m_next++, 2, 10, QLatin1Char('0'));
        f.name = QStringLiteral("Test %1").arg(m_next);
        f.defaultState = defaultState;
        auto created = m_db.store->functions.create(f);
        if (!created)
            qFatal("cannot create a function number: %s", qPrintable(created.error().message));
        return *created;
    }

    QList<ScheduleEvent> stored(const QString &functionId)
    {
        auto events = m_db.store->functions.events(functionId);
        return events ? *events : QList<ScheduleEvent> {};
    }

    IcsCalendar::Parsed import(const char *name, const QString &functionId, const IcsCalendar::ImportOptions &options = {})
    {
        IcsCalendar ics(*m_db.store);
        auto r = ics.importInto(fixture(name), functionId, options);
        if (!r)
            qWarning().noquote() << r.error().message;
        return r ? *r : IcsCalendar::Parsed {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_db.open());
        VoicePrompt p;
        p.name = QStringLiteral("Fermeture annuelle");
        auto created = m_db.store->prompts.create(p);
        QVERIFY(created);
        m_promptId = created->id;
        p = {};
        p.name = QStringLiteral("Accueil");
        created = m_db.store->prompts.create(p);
        QVERIFY(created);
        m_otherPromptId = created->id;
    }

    void google()
    {
        const FunctionNumber f = newFunction();
        const IcsCalendar::Parsed r = import("google.ics", f.id);
        QCOMPARE(r.events.size(), 4);
        QVERIFY(r.skipped.isEmpty());
        const QList<ScheduleEvent> events = stored(f.id);
        QCOMPARE(events.size(), 4);

        const ScheduleEvent *office = byTitle(events, QStringLiteral("Heures d'ouverture"));
        QVERIFY(office);
        QCOMPARE(wall(office->start), QStringLiteral("2027-01-04T08:30:00"));
        QCOMPARE(wall(office->end), QStringLiteral("2027-01-04T12:30:00"));
        QVERIFY(!office->allDay);
        QCOMPARE(ruleParts(office->rrule), ruleParts(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")));
        QCOMPARE(office->state, OpenState::Closed); // no state in the file, none chosen: closed
        // The EXDATE, and the occurrence replaced by a changed one (RECURRENCE-ID).
        QCOMPARE(walls(office->exceptions), (QStringList {QStringLiteral("2027-03-29T08:30:00"), QStringLiteral("2027-04-02T08:30:00")}));

        const ScheduleEvent *goodFriday = byTitle(events, QStringLiteral("Heures d'ouverture (Vendredi saint)"));
        QVERIFY(goodFriday);
        QCOMPARE(wall(goodFriday->start), QStringLiteral("2027-04-02T09:00:00"));
        QVERIFY(goodFriday->rrule.isEmpty());

        // 06:45Z on the day after the spring change is 08:45 summer time.
        const ScheduleEvent *training = byTitle(events, QStringLiteral("Formation de l'équipe"));
        QVERIFY(training);
        QCOMPARE(wall(training->start), QStringLiteral("2027-03-29T08:45:00"));
        QCOMPARE(wall(training->end), QStringLiteral("2027-03-29T13:00:00"));

        const ScheduleEvent *mayDay = byTitle(events, QStringLiteral("Fête du Travail"));
        QVERIFY(mayDay);
        QVERIFY(mayDay->allDay);
        QCOMPARE(wall(mayDay->start), QStringLiteral("2027-05-01T00:00:00"));
        QCOMPARE(wall(mayDay->end), QStringLiteral("2027-05-02T00:00:00"));

        // The engine sees the imported instants: 08:45 CEST is 06:45 UTC.
        const ScheduleEngine engine(OpenState::Open, events);
        QCOMPARE(engine.stateAt(QDateTime(QDate(2027, 3, 29), QTime(6, 45), Qt::UTC)).eventId, training->id);
        QCOMPARE(engine.stateAt(QDateTime(QDate(2027, 3, 29), QTime(6, 44), Qt::UTC)).eventId, QString());
        QCOMPARE(engine.stateAt(bxl(2027, 4, 2, 8, 45)).eventId, QString()); // replaced occurrence
        QCOMPARE(engine.stateAt(bxl(2027, 4, 2, 9, 30)).eventId, goodFriday->id);
        QCOMPARE(engine.stateAt(bxl(2027, 4, 5, 9, 0)).eventId, office->id);
    }

    void outlook()
    {
        QVERIFY(fixture("outlook.ics").contains("\r\n"));
        const FunctionNumber f = newFunction();
        const IcsCalendar::Parsed r = import("outlook.ics", f.id);
        QCOMPARE(r.events.size(), 3);
        QCOMPARE(r.skipped.size(), 1);
        QCOMPARE(r.skipped.first().title, QStringLiteral("Renouveler le contrat de maintenance"));
        QVERIFY2(r.skipped.first().reason.contains(QLatin1String("VTODO")), qPrintable(r.skipped.first().reason));
        const QList<ScheduleEvent> events = stored(f.id);

        // "Romance Standard Time" is defined by the file's VTIMEZONE (Brussels' rules).
        const ScheduleEvent *afternoon = byTitle(events, QStringLiteral("Fermeture après-midi"));
        QVERIFY(afternoon);
        QCOMPARE(wall(afternoon->start), QStringLiteral("2027-10-29T13:00:00"));
        QCOMPARE(wall(afternoon->end), QStringLiteral("2027-10-29T18:00:00"));

        const ScheduleEvent *night = byTitle(events, QStringLiteral("Permanence de nuit"));
        QVERIFY(night);
        QCOMPARE(wall(night->start), QStringLiteral("2027-01-03T22:00:00"));
        QCOMPARE(wall(night->end), QStringLiteral("2027-01-04T06:00:00"));
        // UNTIL in UTC becomes the local wall clock the engine expands in (21:00Z = 22:00 CET).
        QVERIFY2(night->rrule.contains(QLatin1String("UNTIL=20271231T220000")), qPrintable(night->rrule));
        QVERIFY(night->rrule.contains(QLatin1String("BYDAY=MO,TU,WE,TH,SU")));
        QCOMPARE(walls(night->exceptions), QStringList {QStringLiteral("2027-10-31T22:00:00")});

        const ScheduleEvent *yearEnd = byTitle(events, QStringLiteral("Congé de fin d'année"));
        QVERIFY(yearEnd);
        QVERIFY(yearEnd->allDay);
        QCOMPARE(wall(yearEnd->start), QStringLiteral("2027-12-24T00:00:00"));
        QCOMPARE(wall(yearEnd->end), QStringLiteral("2028-01-01T00:00:00"));

        // Across midnight and across the autumn change.
        const ScheduleEngine engine(OpenState::Open, events);
        QCOMPARE(engine.stateAt(bxl(2027, 1, 5, 3, 0)).eventId, night->id); // Monday night into Tuesday
        QCOMPARE(engine.stateAt(bxl(2027, 1, 8, 3, 0)).eventId, night->id); // Thursday night into Friday
        QCOMPARE(engine.stateAt(bxl(2027, 1, 9, 3, 0)).eventId, QString()); // no Friday night
        QCOMPARE(engine.stateAt(bxl(2027, 11, 1, 2, 0)).eventId, QString()); // excluded Sunday night
        QCOMPARE(engine.stateAt(bxl(2027, 11, 2, 2, 0)).eventId, night->id);
        QCOMPARE(engine.stateAt(QDateTime(QDate(2027, 10, 29), QTime(11, 0), Qt::UTC)).eventId, afternoon->id); // 13:00 CEST
    }

    void apple()
    {
        const FunctionNumber f = newFunction();
        const IcsCalendar::Parsed r = import("apple.ics", f.id);
        QCOMPARE(r.events.size(), 2);
        QCOMPARE(r.skipped.size(), 2);
        QCOMPARE(r.skipped.at(0).title, QStringLiteral("Portes ouvertes"));
        QVERIFY(r.skipped.at(0).reason.contains(QLatin1String("RDATE")));
        QCOMPARE(r.skipped.at(1).title, QStringLiteral("Rappel sans date"));
        QVERIFY(r.skipped.at(1).reason.contains(QLatin1String("DTSTART")));
        const QList<ScheduleEvent> events = stored(f.id);
        QCOMPARE(events.size(), 2);
        const ScheduleEvent *meeting = byTitle(events, QStringLiteral("Réunion mensuelle"));
        QVERIFY(meeting);
        QCOMPARE(wall(meeting->start), QStringLiteral("2027-01-04T16:00:00"));
        QCOMPARE(wall(meeting->end), QStringLiteral("2027-01-04T17:00:00"));
        QCOMPARE(ruleParts(meeting->rrule), ruleParts(QStringLiteral("FREQ=MONTHLY;COUNT=12;BYDAY=1MO")));
        // A floating time is the organisation's local time; DURATION gives the end.
        const ScheduleEvent *inventory = byTitle(events, QStringLiteral("Inventaire"));
        QVERIFY(inventory);
        QCOMPARE(wall(inventory->start), QStringLiteral("2027-06-15T14:00:00"));
        QCOMPARE(wall(inventory->end), QStringLiteral("2027-06-15T17:00:00"));
        // File order is priority order when the file gives none.
        QCOMPARE(events.at(0).title, QStringLiteral("Réunion mensuelle"));
        QCOMPARE(events.at(1).title, QStringLiteral("Inventaire"));
    }

    void allDayAndCentraleProperties()
    {
        const FunctionNumber f = newFunction();
        const IcsCalendar::Parsed r = import("allday.ics", f.id);
        QCOMPARE(r.events.size(), 4);
        QVERIFY(r.skipped.isEmpty());
        // The unknown prompt name: imported without prompt, with a note.
        QCOMPARE(r.notes.size(), 1);
        QVERIFY(r.notes.first().contains(QLatin1String("Message des vacances")));
        const QList<ScheduleEvent> events = stored(f.id);
        for (const ScheduleEvent &e : events)
            QVERIFY2(e.allDay, qPrintable(e.title));
        const ScheduleEvent *newYear = byTitle(events, QStringLiteral("Nouvel an"));
        QVERIFY(newYear);
        QCOMPARE(newYear->promptId, m_promptId);
        QCOMPARE(newYear->state, OpenState::Closed);
        QCOMPARE(newYear->rrule, QStringLiteral("FREQ=YEARLY"));
        const ScheduleEvent *national = byTitle(events, QStringLiteral("Fête nationale"));
        QVERIFY(national);
        QCOMPARE(wall(national->end), QStringLiteral("2027-07-22T00:00:00")); // no DTEND: one day
        const ScheduleEvent *easter = byTitle(events, QStringLiteral("Vacances de Pâques"));
        QVERIFY(easter);
        QVERIFY(easter->promptId.isEmpty());
        QCOMPARE(wall(easter->end), QStringLiteral("2027-04-10T00:00:00"));
        const ScheduleEvent *allSaints = byTitle(events, QStringLiteral("Toussaint"));
        QVERIFY(allSaints);
        QCOMPARE(allSaints->state, OpenState::Open); // X-CENTRALE-STATE
        QCOMPARE(wall(allSaints->end), QStringLiteral("2027-11-02T00:00:00")); // DURATION:P1D

        const ScheduleEngine engine(OpenState::Open, events);
        QCOMPARE(engine.stateAt(bxl(2031, 1, 1, 23, 59)).eventId, newYear->id);
        QCOMPARE(engine.stateAt(bxl(2031, 1, 1, 23, 59)).promptId, m_promptId);
        QCOMPARE(engine.stateAt(bxl(2027, 4, 9, 18, 0)).eventId, easter->id);
        QCOMPARE(engine.stateAt(bxl(2027, 4, 10, 0, 0)).eventId, QString());
    }

    void overrideStateAndPrompt()
    {
        const FunctionNumber f = newFunction();
        IcsCalendar::ImportOptions options;
        options.state = OpenState::Open;
        options.promptId = m_otherPromptId;
        const IcsCalendar::Parsed r = import("allday.ics", f.id, options);
        QCOMPARE(r.events.size(), 4);
        QVERIFY(r.notes.isEmpty()); // the file's prompts are not looked at
        for (const ScheduleEvent &e : stored(f.id)) {
            QCOMPARE(e.state, OpenState::Open);
            QCOMPARE(e.promptId, m_otherPromptId);
        }
        // "No prompt" is an override too.
        const FunctionNumber g = newFunction();
        options = {};
        options.promptId = QString();
        QCOMPARE(import("allday.ics", g.id, options).events.size(), 4);
        for (const ScheduleEvent &e : stored(g.id)) {
            QVERIFY(e.promptId.isEmpty());
            QCOMPARE(e.state, e.title == QLatin1String("Toussaint") ? OpenState::Open : OpenState::Closed);
        }
        // A prompt id that does not exist is refused before anything is stored.
        const FunctionNumber h = newFunction();
        options.promptId = QStringLiteral("no-such-prompt");
        IcsCalendar ics(*m_db.store);
        QVERIFY(!ics.importInto(fixture("allday.ics"), h.id, options));
        QVERIFY(stored(h.id).isEmpty());
    }

    void foldedLines()
    {
        QVERIFY(!fixture("folded.ics").contains('\r'));
        const FunctionNumber f = newFunction();
        const IcsCalendar::Parsed r = import("folded.ics", f.id);
        QCOMPARE(r.events.size(), 2);
        const QList<ScheduleEvent> events = stored(f.id);
        const ScheduleEvent *office
            = byTitle(events, QStringLiteral("Heures d'ouverture du service clients pendant la période de formation de toute l'équipe"));
        QVERIFY(office);
        QCOMPARE(ruleParts(office->rrule), ruleParts(QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")));
        QCOMPARE(walls(office->exceptions),
            (QStringList {
                QStringLiteral("2027-03-29T08:30:00"), QStringLiteral("2027-05-06T08:30:00"), QStringLiteral("2027-05-17T08:30:00")}));
        const ScheduleEvent *night = byTitle(events, QStringLiteral("Permanence de nuit"));
        QVERIFY(night);
        QCOMPARE(wall(night->end), QStringLiteral("2027-01-16T06:00:00"));
    }

    void timesWithAndWithoutZone()
    {
        const QByteArray ics
            = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
              "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Floating\r\nDTSTART:20270329T084500\r\nDTEND:20270329T100000\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Winter UTC\r\nDTSTART:20270101T090000Z\r\nDTEND:20270101T100000Z\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:New York\r\nDTSTART;TZID=America/New_York:20270104T090000\r\n"
              "DTEND;TZID=America/New_York:20270104T100000\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Windows name\r\nDTSTART;TZID=Romance Standard Time:20270704T090000\r\n"
              "DTEND;TZID=Romance Standard Time:20270704T100000\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:e\r\nSUMMARY:Nowhere\r\nDTSTART;TZID=Mars/Olympus_Mons:20270104T090000\r\n"
              "DTEND;TZID=Mars/Olympus_Mons:20270104T100000\r\nEND:VEVENT\r\n"
              "END:VCALENDAR\r\n";
        IcsCalendar calendar(*m_db.store);
        auto r = calendar.parse(ics, QStringLiteral("f"));
        QVERIFY(r);
        QCOMPARE(r->events.size(), 4);
        QCOMPARE(wall(byTitle(r->events, QStringLiteral("Floating"))->start), QStringLiteral("2027-03-29T08:45:00"));
        QCOMPARE(wall(byTitle(r->events, QStringLiteral("Winter UTC"))->start), QStringLiteral("2027-01-01T10:00:00"));
        QCOMPARE(wall(byTitle(r->events, QStringLiteral("New York"))->start), QStringLiteral("2027-01-04T15:00:00"));
        QCOMPARE(wall(byTitle(r->events, QStringLiteral("Windows name"))->start), QStringLiteral("2027-07-04T09:00:00"));
        QCOMPARE(r->skipped.size(), 1);
        QCOMPARE(r->skipped.first().title, QStringLiteral("Nowhere"));
        QVERIFY(r->skipped.first().reason.contains(QLatin1String("Mars/Olympus_Mons")));
    }

    void unsupportedEventsAreSkipped()
    {
        const QByteArray ics
            = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
              "BEGIN:VEVENT\nUID:1\nSUMMARY:Every minute\nDTSTART:20270104T090000\nDTEND:20270104T090030\n"
              "RRULE:FREQ=MINUTELY\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:2\nSUMMARY:Thirteenth month\nDTSTART:20270104T090000\nDTEND:20270104T100000\n"
              "RRULE:FREQ=YEARLY;BYMONTH=13\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:3\nSUMMARY:Two rules\nDTSTART:20270104T090000\nDTEND:20270104T100000\n"
              "RRULE:FREQ=WEEKLY;BYDAY=MO\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:4\nSUMMARY:Cancelled\nSTATUS:CANCELLED\nDTSTART:20270104T090000\nDTEND:20270104T100000\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:5\nSUMMARY:No end\nDTSTART:20270104T090000\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:6\nSUMMARY:Backwards\nDTSTART:20270104T100000\nDTEND:20270104T090000\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:7\nSUMMARY:Bad state\nX-CENTRALE-STATE:maybe\nDTSTART:20270104T090000\nDTEND:20270104T100000\nEND:VEVENT\n"
              "BEGIN:VJOURNAL\nUID:8\nSUMMARY:Notes\nEND:VJOURNAL\n"
              "BEGIN:VEVENT\nUID:9\nSUMMARY:Good\nDTSTART:20270104T090000\nDTEND:20270104T100000\nEND:VEVENT\n"
              "END:VCALENDAR\n";
        const FunctionNumber f = newFunction();
        IcsCalendar calendar(*m_db.store);
        auto r = calendar.importInto(ics, f.id);
        QVERIFY(r);
        QCOMPARE(r->events.size(), 1);
        QCOMPARE(r->events.first().title, QStringLiteral("Good"));
        QStringList skipped;
        for (const IcsCalendar::Skipped &s : r->skipped) {
            QVERIFY2(!s.reason.isEmpty(), qPrintable(s.title));
            skipped << s.title;
        }
        QCOMPARE(skipped,
            (QStringList {QStringLiteral("Every minute"), QStringLiteral("Thirteenth month"), QStringLiteral("Two rules"),
                QStringLiteral("Cancelled"), QStringLiteral("No end"), QStringLiteral("Backwards"), QStringLiteral("Bad state"),
                QStringLiteral("Notes")}));
        QCOMPARE(stored(f.id).size(), 1);
    }

    void priorityOrderAndSeveralCalendars()
    {
        const QByteArray ics
            = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
              "BEGIN:VEVENT\nUID:1\nSUMMARY:Third\nX-CENTRALE-PRIORITY:2\nDTSTART;VALUE=DATE:20270101\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:2\nSUMMARY:Unranked\nDTSTART;VALUE=DATE:20270102\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:3\nSUMMARY:First\nX-CENTRALE-PRIORITY:0\nDTSTART;VALUE=DATE:20270103\nEND:VEVENT\n"
              "BEGIN:VEVENT\nUID:4\nSUMMARY:Second\nX-CENTRALE-PRIORITY:1\nDTSTART;VALUE=DATE:20270104\nEND:VEVENT\n"
              "END:VCALENDAR\n"
              "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n"
              "BEGIN:VEVENT\nUID:5\nSUMMARY:Other calendar\nX-CENTRALE-PRIORITY:0\nDTSTART;VALUE=DATE:20270105\nEND:VEVENT\n"
              "END:VCALENDAR\n";
        IcsCalendar calendar(*m_db.store);
        auto r = calendar.parse(ics, QStringLiteral("f"));
        QVERIFY(r);
        QStringList titles;
        for (const ScheduleEvent &e : r->events)
            titles << e.title;
        QCOMPARE(titles,
            (QStringList {QStringLiteral("First"), QStringLiteral("Second"), QStringLiteral("Third"), QStringLiteral("Unranked"),
                QStringLiteral("Other calendar")}));
    }

    void brokenFilesAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("not ics") << QStringLiteral("not-ics.ics") << QStringLiteral("not an iCalendar");
        QTest::newRow("unterminated") << QStringLiteral("unterminated.ics") << QStringLiteral("line 16 before END:VCALENDAR");
        QTest::newRow("bad rrule") << QStringLiteral("bad-rrule.ics") << QStringLiteral("line 16 (\"RRULE:FREQ=FORTNIGHTLY;BYDAY=MO\")");
        QTest::newRow("bad date") << QStringLiteral("bad-date.ics") << QStringLiteral("line 14");
    }

    void brokenFilesAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        const FunctionNumber f = newFunction();
        auto outboxBefore = m_db.store->outbox.count();
        QVERIFY(outboxBefore);
        IcsCalendar ics(*m_db.store);
        auto r = ics.importInto(fixture(qPrintable(file)), f.id);
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY(stored(f.id).isEmpty());
        QCOMPARE(*m_db.store->outbox.count(), *outboxBefore);
        QVERIFY(!ics.importFile(QStringLiteral(CENTRALE_TEST_DATA "/ics/no-such-file.ics"), f.id));
    }

    void importAppendsAfterExistingEvents()
    {
        const FunctionNumber f = newFunction();
        QCOMPARE(import("apple.ics", f.id).events.size(), 2);
        QCOMPARE(import("allday.ics", f.id).events.size(), 4);
        const QList<ScheduleEvent> events = stored(f.id);
        QCOMPARE(events.size(), 6);
        QCOMPARE(events.at(0).title, QStringLiteral("Réunion mensuelle"));
        QCOMPARE(events.at(2).title, QStringLiteral("Nouvel an"));
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).position, i);
    }

    void exportContents()
    {
        TestStore demo;
        QVERIFY(demo.open(false));
        QVERIFY(DemoGenerator::generate(demo.store->database(), {}));
        auto accueil = demo.store->functions.findByNumber(QStringLiteral("02 300 00 00"));
        QVERIFY(accueil);
        IcsCalendar ics(*demo.store);
        auto data = ics.exportCalendar(accueil->id);
        QVERIFY(data);
        const QByteArray text = *data;
        QVERIFY(text.startsWith("BEGIN:VCALENDAR"));
        QVERIFY(text.contains("BEGIN:VTIMEZONE"));
        QVERIFY(text.contains("TZID:Europe/Brussels"));
        QVERIFY(text.contains("X-CENTRALE-DEFAULT-STATE:closed"));
        QVERIFY(text.contains("X-CENTRALE-PROMPT:Fermeture annuelle"));
        QVERIFY(text.contains("X-CENTRALE-STATE:open"));
        QVERIFY(text.contains("X-CENTRALE-PRIORITY:1"));
        QVERIFY(text.contains("DTSTART;VALUE=DATE:"));
        QVERIFY(text.contains("DTSTART;TZID=Europe/Brussels:"));
        QCOMPARE(text.count("BEGIN:VEVENT"), 2);
    }

    void roundTripDemoAccueil()
    {
        TestStore demo;
        QVERIFY(demo.open(false));
        QVERIFY(DemoGenerator::generate(demo.store->database(), {}));
        auto accueil = demo.store->functions.findByNumber(QStringLiteral("+3223000000"));
        QVERIFY(accueil);
        QCOMPARE(accueil->name, QStringLiteral("Accueil"));
        const QList<ScheduleEvent> before = *demo.store->functions.events(accueil->id);
        QCOMPARE(before.size(), 2);

        IcsCalendar ics(*demo.store);
        auto data = ics.exportCalendar(accueil->id);
        QVERIFY(data);
        FunctionNumber copy;
        copy.number = QStringLiteral("+3223009999");
        copy.name = QStringLiteral("Copie");
        copy.defaultState = OpenState::Open;
        auto created = demo.store->functions.create(copy);
        QVERIFY(created);
        auto r = ics.importInto(*data, created->id);
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        QVERIFY(r->skipped.isEmpty());
        QVERIFY(r->notes.isEmpty());
        QVERIFY(r->defaultStateApplied);
        QCOMPARE(describe(*demo.store->functions.events(created->id)), describe(before));
        QCOMPARE(demo.store->functions.get(created->id)->defaultState, OpenState::Closed);

        // The state the engine gives is the same at every transition of a year.
        const ScheduleEngine a(accueil->defaultState, before);
        const ScheduleEngine b(OpenState::Closed, *demo.store->functions.events(created->id));
        const int year = QDate::currentDate().year() + 1; // the demo's calendar starts this year
        const auto ta = a.transitions(bxl(year, 1, 1), bxl(year + 1, 1, 1));
        const auto tb = b.transitions(bxl(year, 1, 1), bxl(year + 1, 1, 1));
        QCOMPARE(ta.size(), tb.size());
        QVERIFY(ta.size() > 400);
        for (int i = 0; i < ta.size(); ++i) {
            QCOMPARE(ta.at(i).at, tb.at(i).at);
            QCOMPARE(ta.at(i).decision.state, tb.at(i).decision.state);
            QCOMPARE(ta.at(i).decision.promptId, tb.at(i).decision.promptId);
        }
    }

    void roundTripEveryKindOfEvent()
    {
        const FunctionNumber f = newFunction(OpenState::Open);
        VoicePrompt tricky;
        tricky.name = QStringLiteral("Fermé, à bientôt; merci \\ au revoir");
        auto trickyPrompt = m_db.store->prompts.create(tricky);
        QVERIFY(trickyPrompt);
        const auto add = [&](const QString &title, OpenState state, const QDateTime &start, const QDateTime &end, bool allDay,
                             const QString &rrule = {}, const QList<QDateTime> &exceptions = {}, const QString &prompt = {}) {
            ScheduleEvent e;
            e.functionId = f.id;
            e.position = -1;
            e.title = title;
            e.state = state;
            e.start = start;
            e.end = end;
            e.allDay = allDay;
            e.rrule = rrule;
            e.exceptions = exceptions;
            e.promptId = prompt;
            QVERIFY2(m_db.store->functions.addEvent(e), qPrintable(title));
        };
        add(QStringLiteral("Nouvel an"), OpenState::Closed, local(2027, 1, 1), local(2027, 1, 2), true,
            QStringLiteral("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"), {}, m_promptId);
        add(QStringLiteral("Vacances de Noël"), OpenState::Closed, local(2027, 12, 24), local(2028, 1, 3), true);
        add(QStringLiteral("Fermeture; inventaire, stock \\ annuel"), OpenState::Closed, local(2027, 6, 15, 13, 0),
            local(2027, 6, 15, 18, 0), false);
        add(QStringLiteral("Nuit"), OpenState::Closed, local(2027, 1, 4, 22, 0), local(2027, 1, 5, 6, 0), false,
            QStringLiteral("FREQ=DAILY;COUNT=300"), {local(2027, 3, 28, 22, 0), local(2027, 10, 31, 22, 0)});
        add(QStringLiteral("Heures d'ouverture"), OpenState::Open, local(2027, 1, 4, 8, 30), local(2027, 1, 4, 12, 30), false,
            QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"), {local(2027, 3, 29, 8, 30), local(2027, 5, 6, 8, 30)}, m_otherPromptId);
        add(QStringLiteral("Après-midi"), OpenState::Open, local(2027, 1, 4, 13, 30), local(2027, 1, 4, 17, 0), false,
            QStringLiteral("FREQ=WEEKLY;UNTIL=20271231T235959;BYDAY=MO,WE"));
        add(QStringLiteral("Réunion"), OpenState::Closed, local(2027, 1, 4, 16, 0), local(2027, 1, 4, 17, 0), false,
            QStringLiteral("FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO"));
        add(QStringLiteral("Jours de pont"), OpenState::Closed, local(2027, 5, 7), local(2027, 5, 8), true,
            QStringLiteral("FREQ=YEARLY;COUNT=3"), {local(2028, 5, 7)});
        add(QStringLiteral("Changement d'heure"), OpenState::Closed, local(2027, 3, 28, 1, 0), local(2027, 3, 28, 4, 0), false);
        add(QStringLiteral("Message spécial"), OpenState::Closed, local(2027, 8, 16), local(2027, 8, 17), true, {}, {}, trickyPrompt->id);
        const QList<ScheduleEvent> before = stored(f.id);
        QCOMPARE(before.size(), 10);

        IcsCalendar ics(*m_db.store);
        auto data = ics.exportCalendar(f.id);
        QVERIFY(data);
        const FunctionNumber g = newFunction(OpenState::Closed);
        auto r = ics.importInto(*data, g.id);
        QVERIFY(r);
        QVERIFY(r->skipped.isEmpty());
        QCOMPARE(describe(stored(g.id)), describe(before));
        QCOMPARE(m_db.store->functions.get(g.id)->defaultState, OpenState::Open);

        // And once more: export(import(export(x))) describes the same calendar.
        auto again = ics.exportCalendar(g.id);
        QVERIFY(again);
        const FunctionNumber h = newFunction();
        QVERIFY(ics.importInto(*again, h.id));
        QCOMPARE(describe(stored(h.id)), describe(before));
    }
};

QTEST_GUILESS_MAIN(TestIcs)
#include "tst_ics.moc"
