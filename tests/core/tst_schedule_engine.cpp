#include "calendar/ScheduleEngine.h"

#include <QTest>

using namespace centrale;

namespace {

const QTimeZone &brussels()
{
    static const QTimeZone zone(QByteArrayLiteral("Europe/Brussels"));
    return zone;
}

// An instant, given as a Brussels wall-clock time.
QDateTime bxl(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), brussels());
}

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

// An event as stored: local wall-clock start and end.
ScheduleEvent makeEvent(
    const QString &id, OpenState state, const QDateTime &start, const QDateTime &end, const QString &rrule = {}, bool allDay = false)
{
    ScheduleEvent e;
    e.id = id;
    e.functionId = QStringLiteral("function-1");
    e.title = id;
    e.state = state;
    e.start = start;
    e.end = end;
    e.rrule = rrule;
    e.allDay = allDay;
    return e;
}

QDateTime local(int y, int mo, int d, int h = 0, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi));
}

// The portal's two examples: closed every year on New Year's Day with a prompt (first, so it wins),
// open Monday to Friday 8:30-12:30.
QList<ScheduleEvent> portalExamples()
{
    ScheduleEvent newYear = makeEvent(QStringLiteral("new-year"), OpenState::Closed, local(2025, 1, 1), local(2025, 1, 2),
        QStringLiteral("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"), true);
    newYear.promptId = QStringLiteral("prompt-new-year");
    const ScheduleEvent office = makeEvent(QStringLiteral("office"), OpenState::Open, local(2025, 12, 29, 8, 30),
        local(2025, 12, 29, 12, 30), QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    return {newYear, office};
}

ScheduleEvent officeHours(const QString &id = QStringLiteral("office"))
{
    return makeEvent(
        id, OpenState::Open, local(2025, 12, 29, 8, 30), local(2025, 12, 29, 12, 30), QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
}

} // namespace

class TestScheduleEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void portalExamples_data();
    void portalExamples();
    void defaultState();
    void priorityOrder();
    void nightCrossingMidnight_data();
    void nightCrossingMidnight();
    void afternoonClosure();
    void holidayWeek();
    void untilAndCount_data();
    void untilAndCount();
    void exceptions();
    void dstMondayOpening_data();
    void dstMondayOpening();
    void dstSpanningEvents_data();
    void dstSpanningEvents();
    void leapDay_data();
    void leapDay();
    void yearBoundary();
    void transitionsOfAWeek();
    void transitionsWhenOnlyTheEventChanges();
    void timelineCoversWindow_data();
    void timelineCoversWindow();
    void shadowedEvents();
    void instantsWithOffsets();
    void createRejectsBadInput();
};

void TestScheduleEngine::portalExamples_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<OpenState>("state");
    QTest::addColumn<QString>("eventId");
    QTest::addColumn<QString>("promptId");
    const QString office = QStringLiteral("office");
    const QString newYear = QStringLiteral("new-year");
    const QString prompt = QStringLiteral("prompt-new-year");
    QTest::newRow("Wed 31 Dec 10:00") << bxl(2025, 12, 31, 10) << OpenState::Open << office << QString();
    QTest::newRow("New Year Thu 10:00") << bxl(2026, 1, 1, 10) << OpenState::Closed << newYear << prompt;
    QTest::newRow("New Year Thu 00:00") << bxl(2026, 1, 1) << OpenState::Closed << newYear << prompt;
    QTest::newRow("New Year Thu 23:59") << bxl(2026, 1, 1, 23, 59) << OpenState::Closed << newYear << prompt;
    QTest::newRow("Fri 08:29") << bxl(2026, 1, 2, 8, 29) << OpenState::Closed << QString() << QString();
    QTest::newRow("Fri 08:30") << bxl(2026, 1, 2, 8, 30) << OpenState::Open << office << QString();
    QTest::newRow("Fri 12:29") << bxl(2026, 1, 2, 12, 29) << OpenState::Open << office << QString();
    QTest::newRow("Fri 12:30") << bxl(2026, 1, 2, 12, 30) << OpenState::Closed << QString() << QString();
    QTest::newRow("Sat 10:00") << bxl(2026, 1, 3, 10) << OpenState::Closed << QString() << QString();
    QTest::newRow("Sun 10:00") << bxl(2026, 1, 4, 10) << OpenState::Closed << QString() << QString();
    QTest::newRow("Mon in June") << bxl(2026, 6, 15, 11) << OpenState::Open << office << QString();
    QTest::newRow("New Year 2027 Fri") << bxl(2027, 1, 1, 9) << OpenState::Closed << newYear << prompt;
    QTest::newRow("New Year 2030 Tue") << bxl(2030, 1, 1, 9) << OpenState::Closed << newYear << prompt;
    QTest::newRow("2 Jan 2030 Wed") << bxl(2030, 1, 2, 9) << OpenState::Open << office << QString();
}

void TestScheduleEngine::portalExamples()
{
    QFETCH(QDateTime, at);
    QFETCH(OpenState, state);
    QFETCH(QString, eventId);
    QFETCH(QString, promptId);
    const auto engine = ScheduleEngine::create(OpenState::Closed, ::portalExamples());
    QVERIFY(engine.ok());
    const ScheduleEngine::Decision d = engine->stateAt(at);
    QCOMPARE(d.state, state);
    QCOMPARE(d.eventId, eventId);
    QCOMPARE(d.promptId, promptId);
}

void TestScheduleEngine::defaultState()
{
    QCOMPARE(ScheduleEngine(OpenState::Closed, {}).stateAt(bxl(2026, 5, 5, 10)).state, OpenState::Closed);
    QCOMPARE(ScheduleEngine(OpenState::Open, {}).stateAt(bxl(2026, 5, 5, 10)).state, OpenState::Open);

    const ScheduleEngine engine(OpenState::Open, {officeHours()});
    ScheduleEngine::Decision d = engine.stateAt(bxl(2026, 5, 9, 10)); // a Saturday
    QCOMPARE(d.state, OpenState::Open);
    QVERIFY(d.eventId.isEmpty());
    QVERIFY(d.promptId.isEmpty());
    d = engine.stateAt(bxl(2026, 5, 8, 10)); // a Friday
    QCOMPARE(d.state, OpenState::Open);
    QCOMPARE(d.eventId, QStringLiteral("office"));

    // No events: a single interval, no transitions.
    const ScheduleEngine empty(OpenState::Closed, {});
    QCOMPARE(empty.timeline(bxl(2026, 1, 1), bxl(2027, 1, 1)).size(), 1);
    QVERIFY(empty.transitions(bxl(2026, 1, 1), bxl(2027, 1, 1)).isEmpty());
}

void TestScheduleEngine::priorityOrder()
{
    const ScheduleEvent day
        = makeEvent(QStringLiteral("day"), OpenState::Open, local(2026, 1, 1, 9), local(2026, 1, 1, 17), QStringLiteral("FREQ=DAILY"));
    const ScheduleEvent lunch
        = makeEvent(QStringLiteral("lunch"), OpenState::Closed, local(2026, 1, 1, 12), local(2026, 1, 1, 13), QStringLiteral("FREQ=DAILY"));
    const QDateTime at = bxl(2026, 3, 4, 12, 30);

    ScheduleEngine::Decision d = ScheduleEngine(OpenState::Closed, {lunch, day}).stateAt(at);
    QCOMPARE(d.state, OpenState::Closed);
    QCOMPARE(d.eventId, QStringLiteral("lunch"));

    d = ScheduleEngine(OpenState::Closed, {day, lunch}).stateAt(at);
    QCOMPARE(d.state, OpenState::Open);
    QCOMPARE(d.eventId, QStringLiteral("day"));

    // And lunch, now second, never decides anything.
    QCOMPARE(ScheduleEngine(OpenState::Closed, {day, lunch}).shadowedEvents(bxl(2026, 1, 1), bxl(2028, 1, 1)),
        QStringList {QStringLiteral("lunch")});
    QVERIFY(ScheduleEngine(OpenState::Closed, {lunch, day}).shadowedEvents(bxl(2026, 1, 1), bxl(2028, 1, 1)).isEmpty());
}

void TestScheduleEngine::nightCrossingMidnight_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<OpenState>("state");
    QTest::newRow("before the first night") << bxl(2026, 1, 5, 3) << OpenState::Open;
    QTest::newRow("first night 22:00") << bxl(2026, 1, 5, 22) << OpenState::Closed;
    QTest::newRow("first night after midnight") << bxl(2026, 1, 6, 2) << OpenState::Closed;
    QTest::newRow("day 06:00") << bxl(2026, 1, 6, 6) << OpenState::Open;
    QTest::newRow("day 21:59") << bxl(2026, 1, 6, 21, 59) << OpenState::Open;
    QTest::newRow("Sat 23:00") << bxl(2026, 1, 10, 23) << OpenState::Closed;
    QTest::newRow("Sun 03:00") << bxl(2026, 1, 11, 3) << OpenState::Closed;
    QTest::newRow("Sun 05:59") << bxl(2026, 1, 11, 5, 59) << OpenState::Closed;
    QTest::newRow("New Year's night") << bxl(2027, 1, 1, 0, 30) << OpenState::Closed;
}

void TestScheduleEngine::nightCrossingMidnight()
{
    QFETCH(QDateTime, at);
    QFETCH(OpenState, state);
    const ScheduleEngine engine(OpenState::Open,
        {makeEvent(QStringLiteral("night"), OpenState::Closed, local(2026, 1, 5, 22), local(2026, 1, 6, 6), QStringLiteral("FREQ=DAILY"))});
    QCOMPARE(engine.stateAt(at).state, state);

    // One day: closed until 06:00, open until 22:00, closed again.
    const QList<ScheduleEngine::Interval> day = engine.timeline(bxl(2026, 2, 10), bxl(2026, 2, 11));
    QCOMPARE(day.size(), 3);
    QCOMPARE(day.at(0).end, bxl(2026, 2, 10, 6));
    QCOMPARE(day.at(1).decision.state, OpenState::Open);
    QCOMPARE(day.at(2).start, bxl(2026, 2, 10, 22));
}

void TestScheduleEngine::afternoonClosure()
{
    const ScheduleEvent closure
        = makeEvent(QStringLiteral("closure"), OpenState::Closed, local(2026, 3, 11, 13), local(2026, 3, 11, 17, 30));
    const ScheduleEvent office = makeEvent(QStringLiteral("office"), OpenState::Open, local(2026, 1, 5, 8, 30), local(2026, 1, 5, 17, 30),
        QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    const ScheduleEngine engine(OpenState::Closed, {closure, office});
    QCOMPARE(engine.stateAt(bxl(2026, 3, 11, 10)).eventId, QStringLiteral("office"));
    QCOMPARE(engine.stateAt(bxl(2026, 3, 11, 12, 59)).state, OpenState::Open);
    const ScheduleEngine::Decision d = engine.stateAt(bxl(2026, 3, 11, 14));
    QCOMPARE(d.state, OpenState::Closed);
    QCOMPARE(d.eventId, QStringLiteral("closure"));
    QCOMPARE(engine.stateAt(bxl(2026, 3, 18, 14)).state, OpenState::Open); // the next Wednesday
    QCOMPARE(engine.stateAt(bxl(2026, 3, 12, 14)).state, OpenState::Open);

    const QList<ScheduleEngine::Transition> wednesday = engine.transitions(bxl(2026, 3, 11), bxl(2026, 3, 12));
    QCOMPARE(wednesday.size(), 3); // opens 08:30, closure 13:00, default from 17:30
    QCOMPARE(wednesday.at(0).at, bxl(2026, 3, 11, 8, 30));
    QCOMPARE(wednesday.at(1).at, bxl(2026, 3, 11, 13));
    QCOMPARE(wednesday.at(1).decision.eventId, QStringLiteral("closure"));
    QCOMPARE(wednesday.at(2).at, bxl(2026, 3, 11, 17, 30));
    QVERIFY(wednesday.at(2).decision.eventId.isEmpty());
}

void TestScheduleEngine::holidayWeek()
{
    const ScheduleEvent holidays = makeEvent(QStringLiteral("holidays"), OpenState::Closed, local(2026, 8, 3), local(2026, 8, 8), {}, true);
    const ScheduleEngine engine(OpenState::Closed, {holidays, officeHours()});
    for (int day = 3; day <= 7; ++day) {
        const ScheduleEngine::Decision d = engine.stateAt(bxl(2026, 8, day, 10));
        QCOMPARE(d.state, OpenState::Closed);
        QCOMPARE(d.eventId, QStringLiteral("holidays"));
    }
    QVERIFY(engine.stateAt(bxl(2026, 8, 8, 10)).eventId.isEmpty()); // Saturday: the default
    QCOMPARE(engine.stateAt(bxl(2026, 7, 31, 10)).state, OpenState::Open);
    QCOMPARE(engine.stateAt(bxl(2026, 8, 10, 10)).state, OpenState::Open);

    // The week's timeline: one closed holiday interval from Monday 00:00 to Saturday 00:00.
    const QList<ScheduleEngine::Interval> week = engine.timeline(bxl(2026, 8, 3), bxl(2026, 8, 10));
    QCOMPARE(week.size(), 2);
    QCOMPARE(week.at(0).end, bxl(2026, 8, 8));
    QCOMPARE(week.at(0).decision.eventId, QStringLiteral("holidays"));
}

void TestScheduleEngine::untilAndCount_data()
{
    QTest::addColumn<QString>("rrule");
    QTest::addColumn<QList<QDate>>("openDays");
    QTest::addColumn<QList<QDate>>("closedDays");
    QTest::newRow("COUNT=3 daily") << QStringLiteral("FREQ=DAILY;COUNT=3") << QList<QDate> {{2026, 2, 2}, {2026, 2, 3}, {2026, 2, 4}}
                                   << QList<QDate> {{2026, 2, 1}, {2026, 2, 5}, {2026, 3, 2}};
    QTest::newRow("UNTIL weekly") << QStringLiteral("FREQ=WEEKLY;BYDAY=MO;UNTIL=20260216T235959")
                                  << QList<QDate> {{2026, 2, 2}, {2026, 2, 9}, {2026, 2, 16}}
                                  << QList<QDate> {{2026, 2, 3}, {2026, 2, 23}, {2027, 2, 1}};
    QTest::newRow("UNTIL as a date") << QStringLiteral("FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260209")
                                     << QList<QDate> {{2026, 2, 2}, {2026, 2, 4}} << QList<QDate> {{2026, 2, 11}, {2026, 2, 16}};
    QTest::newRow("COUNT=4 weekly two days") << QStringLiteral("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=4")
                                             << QList<QDate> {{2026, 2, 2}, {2026, 2, 6}, {2026, 2, 9}, {2026, 2, 13}}
                                             << QList<QDate> {{2026, 2, 16}, {2026, 2, 20}};
}

void TestScheduleEngine::untilAndCount()
{
    QFETCH(QString, rrule);
    QFETCH(QList<QDate>, openDays);
    QFETCH(QList<QDate>, closedDays);
    const ScheduleEngine engine(
        OpenState::Closed, {makeEvent(QStringLiteral("e"), OpenState::Open, local(2026, 2, 2, 10), local(2026, 2, 2, 11), rrule)});
    for (const QDate &day : openDays)
        QVERIFY2(engine.stateAt(QDateTime(day, QTime(10, 30), brussels())).state == OpenState::Open, qPrintable(day.toString(Qt::ISODate)));
    for (const QDate &day : closedDays)
        QVERIFY2(
            engine.stateAt(QDateTime(day, QTime(10, 30), brussels())).state == OpenState::Closed, qPrintable(day.toString(Qt::ISODate)));
    QCOMPARE(engine.transitions(bxl(2026, 1, 1), bxl(2028, 1, 1)).size(), 2 * openDays.size());
}

void TestScheduleEngine::exceptions()
{
    ScheduleEvent office = officeHours();
    office.exceptions = {local(2026, 2, 4, 8, 30), local(2026, 2, 6, 8, 30)};
    ScheduleEvent yearly
        = makeEvent(QStringLiteral("yearly"), OpenState::Closed, local(2024, 5, 8), local(2024, 5, 9), QStringLiteral("FREQ=YEARLY"), true);
    yearly.exceptions = {local(2026, 5, 8)};
    const ScheduleEngine engine(OpenState::Closed, {yearly, office});

    QCOMPARE(engine.stateAt(bxl(2026, 2, 3, 10)).state, OpenState::Open);
    QCOMPARE(engine.stateAt(bxl(2026, 2, 4, 10)).state, OpenState::Closed);
    QVERIFY(engine.stateAt(bxl(2026, 2, 4, 10)).eventId.isEmpty());
    QCOMPARE(engine.stateAt(bxl(2026, 2, 5, 10)).state, OpenState::Open);
    QCOMPARE(engine.stateAt(bxl(2026, 2, 6, 10)).state, OpenState::Closed);
    QCOMPARE(engine.stateAt(bxl(2026, 2, 13, 10)).state, OpenState::Open);

    QCOMPARE(engine.stateAt(bxl(2025, 5, 8, 10)).eventId, QStringLiteral("yearly")); // a Thursday
    QCOMPARE(engine.stateAt(bxl(2026, 5, 8, 10)).eventId, QStringLiteral("office")); // excepted Friday
    QCOMPARE(engine.stateAt(bxl(2028, 5, 8, 10)).eventId, QStringLiteral("yearly"));
}

void TestScheduleEngine::dstMondayOpening_data()
{
    QTest::addColumn<QDateTime>("fridayOpening");
    QTest::addColumn<QDateTime>("mondayOpening");
    QTest::addColumn<QDateTime>("fridayUtc");
    QTest::addColumn<QDateTime>("mondayUtc");
    // 29 March 2026: 02:00 CET becomes 03:00 CEST.
    QTest::newRow("spring") << bxl(2026, 3, 27, 8, 30) << bxl(2026, 3, 30, 8, 30) << utc(2026, 3, 27, 7, 30) << utc(2026, 3, 30, 6, 30);
    // 25 October 2026: 03:00 CEST becomes 02:00 CET.
    QTest::newRow("autumn") << bxl(2026, 10, 23, 8, 30) << bxl(2026, 10, 26, 8, 30) << utc(2026, 10, 23, 6, 30) << utc(2026, 10, 26, 7, 30);
}

void TestScheduleEngine::dstMondayOpening()
{
    QFETCH(QDateTime, fridayOpening);
    QFETCH(QDateTime, mondayOpening);
    QFETCH(QDateTime, fridayUtc);
    QFETCH(QDateTime, mondayUtc);
    QCOMPARE(fridayOpening, fridayUtc);
    QCOMPARE(mondayOpening, mondayUtc);

    const ScheduleEngine engine(OpenState::Closed, {officeHours()});
    const QList<ScheduleEngine::Transition> t = engine.transitions(fridayOpening.addSecs(-3600), mondayOpening.addSecs(3600));
    QCOMPARE(t.size(), 3);
    QCOMPARE(t.at(0).at, fridayUtc);
    QCOMPARE(t.at(0).at.toTimeZone(brussels()).time(), QTime(8, 30));
    QCOMPARE(t.at(1).at.toTimeZone(brussels()).time(), QTime(12, 30));
    QCOMPARE(t.at(2).at, mondayUtc);
    QCOMPARE(t.at(2).at.toTimeZone(brussels()).time(), QTime(8, 30));
    QCOMPARE(t.at(2).decision.state, OpenState::Open);
    QCOMPARE(engine.stateAt(mondayUtc.addSecs(-60)).state, OpenState::Closed);
    QCOMPARE(engine.stateAt(mondayUtc).state, OpenState::Open);
}

void TestScheduleEngine::dstSpanningEvents_data()
{
    QTest::addColumn<ScheduleEvent>("spanning");
    QTest::addColumn<QDateTime>("expectedStart");
    QTest::addColumn<QDateTime>("expectedEnd");
    const QString night = QStringLiteral("FREQ=DAILY");
    QTest::newRow("spring night 22:00-06:00 lasts 7 h")
        << makeEvent(QStringLiteral("e"), OpenState::Closed, local(2026, 3, 1, 22), local(2026, 3, 2, 6), night) << utc(2026, 3, 28, 21)
        << utc(2026, 3, 29, 4);
    QTest::newRow("autumn night 22:00-06:00 lasts 9 h")
        << makeEvent(QStringLiteral("e"), OpenState::Closed, local(2026, 10, 1, 22), local(2026, 10, 2, 6), night) << utc(2026, 10, 24, 20)
        << utc(2026, 10, 25, 5);
    QTest::newRow("spring all-day lasts 23 h") << makeEvent(QStringLiteral("e"), OpenState::Closed, local(2026, 3, 29), local(2026, 3, 30),
        {}, true) << utc(2026, 3, 28, 23) << utc(2026, 3, 29, 22);
    QTest::newRow("autumn all-day lasts 25 h") << makeEvent(
        QStringLiteral("e"), OpenState::Closed, local(2026, 10, 25), local(2026, 10, 26), {}, true)
                                               << utc(2026, 10, 24, 22) << utc(2026, 10, 25, 23);
    QTest::newRow("yearly all-day on the autumn Sunday")
        << makeEvent(QStringLiteral("e"), OpenState::Closed, local(2020, 10, 25), local(2020, 10, 26), QStringLiteral("FREQ=YEARLY"), true)
        << utc(2026, 10, 24, 22) << utc(2026, 10, 25, 23);
    // 02:00 does not exist on 29 March: it is read with the offset before the gap (RFC 5545).
    QTest::newRow("spring 02:00-04:00 lasts 1 h")
        << makeEvent(QStringLiteral("e"), OpenState::Closed, local(2026, 3, 29, 2), local(2026, 3, 29, 4)) << utc(2026, 3, 29, 1)
        << utc(2026, 3, 29, 2);
    // 02:30 happens twice on 25 October: the first one (summer time) is meant.
    QTest::newRow("autumn 02:30-04:00 lasts 2.5 h")
        << makeEvent(QStringLiteral("e"), OpenState::Closed, local(2026, 10, 25, 2, 30), local(2026, 10, 25, 4)) << utc(2026, 10, 25, 0, 30)
        << utc(2026, 10, 25, 3);
}

void TestScheduleEngine::dstSpanningEvents()
{
    QFETCH(ScheduleEvent, spanning);
    QFETCH(QDateTime, expectedStart);
    QFETCH(QDateTime, expectedEnd);
    const ScheduleEngine engine(OpenState::Open, {spanning});
    const QDateTime from = expectedStart.addSecs(-3 * 3600);
    const QDateTime to = expectedEnd.addSecs(3 * 3600);
    const QList<ScheduleEngine::Interval> intervals = engine.timeline(from, to);
    QCOMPARE(intervals.size(), 3);
    QCOMPARE(intervals.at(1).start, expectedStart);
    QCOMPARE(intervals.at(1).end, expectedEnd);
    QCOMPARE(intervals.at(1).decision.state, OpenState::Closed);
    QCOMPARE(intervals.at(1).decision.eventId, QStringLiteral("e"));
    QCOMPARE(engine.stateAt(expectedEnd.addMSecs(-1)).state, OpenState::Closed);
    QCOMPARE(engine.stateAt(expectedEnd).state, OpenState::Open);
}

void TestScheduleEngine::leapDay_data()
{
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<OpenState>("state");
    QTest::newRow("2024-02-29") << bxl(2024, 2, 29, 12) << OpenState::Closed;
    QTest::newRow("2025-02-28") << bxl(2025, 2, 28, 12) << OpenState::Open;
    QTest::newRow("2025-03-01") << bxl(2025, 3, 1, 12) << OpenState::Open;
    QTest::newRow("2027-03-01") << bxl(2027, 3, 1, 12) << OpenState::Open;
    QTest::newRow("2028-02-29") << bxl(2028, 2, 29, 0) << OpenState::Closed;
    QTest::newRow("2028-02-29 23:59") << bxl(2028, 2, 29, 23, 59) << OpenState::Closed;
    QTest::newRow("2028-03-01") << bxl(2028, 3, 1, 0) << OpenState::Open;
    QTest::newRow("2100-02-28 (not leap)") << bxl(2100, 2, 28, 12) << OpenState::Open;
    QTest::newRow("2400-02-29") << bxl(2400, 2, 29, 12) << OpenState::Closed;
}

void TestScheduleEngine::leapDay()
{
    QFETCH(QDateTime, at);
    QFETCH(OpenState, state);
    const ScheduleEngine engine(OpenState::Open,
        {makeEvent(QStringLiteral("leap"), OpenState::Closed, local(2024, 2, 29), local(2024, 3, 1),
            QStringLiteral("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"), true)});
    QCOMPARE(engine.stateAt(at).state, state);
    // Leap years 2024, 2028, 2032 between 2023 and 2035: two transitions each.
    QCOMPARE(engine.transitions(bxl(2023, 1, 1), bxl(2035, 1, 1)).size(), 6);
}

void TestScheduleEngine::yearBoundary()
{
    const ScheduleEvent eve
        = makeEvent(QStringLiteral("eve"), OpenState::Closed, local(2020, 12, 31, 17), local(2021, 1, 1), QStringLiteral("FREQ=YEARLY"));
    const ScheduleEvent party
        = makeEvent(QStringLiteral("party"), OpenState::Open, local(2020, 12, 31, 22), local(2021, 1, 1, 2), QStringLiteral("FREQ=YEARLY"));
    ScheduleEvent newYear = ::portalExamples().first();
    const ScheduleEngine engine(OpenState::Open, {party, eve, newYear});

    const QList<ScheduleEngine::Interval> intervals = engine.timeline(bxl(2026, 12, 31, 12), bxl(2027, 1, 2, 12));
    QCOMPARE(intervals.size(), 5);
    QVERIFY(intervals.at(0).decision.eventId.isEmpty());
    QCOMPARE(intervals.at(1).start, bxl(2026, 12, 31, 17));
    QCOMPARE(intervals.at(1).decision.eventId, QStringLiteral("eve"));
    QCOMPARE(intervals.at(2).start, bxl(2026, 12, 31, 22));
    QCOMPARE(intervals.at(2).decision.eventId, QStringLiteral("party"));
    QCOMPARE(intervals.at(3).start, bxl(2027, 1, 1, 2));
    QCOMPARE(intervals.at(3).decision.eventId, QStringLiteral("new-year"));
    QCOMPARE(intervals.at(3).decision.promptId, QStringLiteral("prompt-new-year"));
    QCOMPARE(intervals.at(4).start, bxl(2027, 1, 2));
    QCOMPARE(intervals.at(4).decision.state, OpenState::Open);
    // The same every year, including one that started before the window.
    QCOMPARE(engine.stateAt(bxl(2031, 1, 1, 1)).eventId, QStringLiteral("party"));
    QCOMPARE(engine.timeline(bxl(2031, 1, 1, 1), bxl(2031, 1, 1, 3)).first().decision.eventId, QStringLiteral("party"));
}

void TestScheduleEngine::transitionsOfAWeek()
{
    const ScheduleEngine engine(OpenState::Closed, ::portalExamples());
    const QList<ScheduleEngine::Transition> t = engine.transitions(bxl(2026, 1, 5), bxl(2026, 1, 12));
    QCOMPARE(t.size(), 10);
    for (int day = 0; day < 5; ++day) {
        const ScheduleEngine::Transition &open = t.at(2 * day);
        const ScheduleEngine::Transition &close = t.at(2 * day + 1);
        QCOMPARE(open.at, bxl(2026, 1, 5 + day, 8, 30));
        QCOMPARE(open.decision.state, OpenState::Open);
        QCOMPARE(open.decision.eventId, QStringLiteral("office"));
        QCOMPARE(close.at, bxl(2026, 1, 5 + day, 12, 30));
        QCOMPARE(close.decision.state, OpenState::Closed);
        QVERIFY(close.decision.eventId.isEmpty());
    }
    // The window is half-open: a change exactly at `from` is not a transition.
    QCOMPARE(engine.transitions(bxl(2026, 1, 5, 8, 30), bxl(2026, 1, 5, 12, 30)).size(), 0);
    QCOMPARE(engine.transitions(bxl(2026, 1, 5, 8, 30), bxl(2026, 1, 5, 12, 31)).size(), 1);
    QVERIFY(engine.transitions(bxl(2026, 1, 5), bxl(2026, 1, 5)).isEmpty());
}

void TestScheduleEngine::transitionsWhenOnlyTheEventChanges()
{
    // New Year's week 2026: New Year on Thursday closes with its prompt; the state stays closed at
    // 00:00 on Thursday and Friday, but the deciding event changes, so both are transitions.
    const ScheduleEngine engine(OpenState::Closed, ::portalExamples());
    const QList<ScheduleEngine::Transition> t = engine.transitions(bxl(2025, 12, 29), bxl(2026, 1, 5));
    QCOMPARE(t.size(), 10);
    QCOMPARE(t.at(6).at, bxl(2026, 1, 1));
    QCOMPARE(t.at(6).decision.state, OpenState::Closed);
    QCOMPARE(t.at(6).decision.eventId, QStringLiteral("new-year"));
    QCOMPARE(t.at(7).at, bxl(2026, 1, 2));
    QVERIFY(t.at(7).decision.eventId.isEmpty());
    QCOMPARE(t.at(8).at, bxl(2026, 1, 2, 8, 30));
}

void TestScheduleEngine::timelineCoversWindow_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::newRow("ordinary week") << bxl(2026, 1, 5) << bxl(2026, 1, 12);
    QTest::newRow("New Year week") << bxl(2025, 12, 29) << bxl(2026, 1, 5);
    QTest::newRow("spring DST week") << bxl(2026, 3, 23) << bxl(2026, 3, 30);
    QTest::newRow("autumn DST week") << bxl(2026, 10, 19) << bxl(2026, 10, 26);
    QTest::newRow("window inside an opening") << bxl(2026, 1, 6, 9) << bxl(2026, 1, 6, 10);
    QTest::newRow("odd bounds") << bxl(2026, 2, 3, 7, 13) << bxl(2026, 2, 17, 19, 47);
}

void TestScheduleEngine::timelineCoversWindow()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QList<ScheduleEvent> events = ::portalExamples();
    events.append(
        makeEvent(QStringLiteral("night"), OpenState::Closed, local(2026, 1, 1, 22), local(2026, 1, 2, 6), QStringLiteral("FREQ=DAILY")));
    const ScheduleEngine engine(OpenState::Open, events);
    const QList<ScheduleEngine::Interval> intervals = engine.timeline(from, to);
    QVERIFY(!intervals.isEmpty());
    QCOMPARE(intervals.first().start, from);
    QCOMPARE(intervals.last().end, to);
    for (qsizetype i = 0; i < intervals.size(); ++i) {
        QVERIFY(intervals.at(i).start < intervals.at(i).end);
        QCOMPARE(intervals.at(i).start.timeZone(), brussels());
        if (i > 0) {
            QCOMPARE(intervals.at(i).start, intervals.at(i - 1).end);
            QVERIFY(!(intervals.at(i).decision == intervals.at(i - 1).decision));
        }
        // Each interval's decision is the state at its start and just before its end.
        QVERIFY(engine.stateAt(intervals.at(i).start) == intervals.at(i).decision);
        QVERIFY(engine.stateAt(intervals.at(i).end.addMSecs(-1)) == intervals.at(i).decision);
    }
    QCOMPARE(engine.transitions(from, to).size(), intervals.size() - 1);
}

void TestScheduleEngine::shadowedEvents()
{
    // A weekly opening fully covered by a higher all-day closure every day never takes effect.
    const ScheduleEvent everyDay = makeEvent(
        QStringLiteral("every-day"), OpenState::Closed, local(2026, 1, 1), local(2026, 1, 2), QStringLiteral("FREQ=DAILY"), true);
    const ScheduleEvent weekly = makeEvent(
        QStringLiteral("weekly"), OpenState::Open, local(2026, 1, 5, 10), local(2026, 1, 5, 11), QStringLiteral("FREQ=WEEKLY;BYDAY=MO"));
    const ScheduleEvent past = makeEvent(QStringLiteral("past"), OpenState::Open, local(2020, 1, 5, 10), local(2020, 1, 5, 11));
    const QDateTime from = bxl(2026, 1, 1);
    const QDateTime to = from.addYears(2);

    QCOMPARE(ScheduleEngine(OpenState::Closed, {everyDay, weekly, past}).shadowedEvents(from, to), QStringList {QStringLiteral("weekly")});
    // Swapped, the weekly event decides on Mondays and nothing is shadowed.
    QVERIFY(ScheduleEngine(OpenState::Closed, {weekly, everyDay}).shadowedEvents(from, to).isEmpty());
    // Covered only partly (the closure ends in June 2026): the weekly event still takes effect.
    ScheduleEvent untilJune = everyDay;
    untilJune.rrule = QStringLiteral("FREQ=DAILY;UNTIL=20260630");
    QVERIFY(ScheduleEngine(OpenState::Closed, {untilJune, weekly}).shadowedEvents(from, to).isEmpty());
    // Portal examples: nothing shadowed.
    QVERIFY(ScheduleEngine(OpenState::Closed, ::portalExamples()).shadowedEvents(from, to).isEmpty());
}

void TestScheduleEngine::instantsWithOffsets()
{
    const ScheduleEngine engine(OpenState::Closed, ::portalExamples());
    // The same instant however it is written.
    QCOMPARE(engine.stateAt(QDateTime::fromString(QStringLiteral("2027-03-29T08:45:00+02:00"), Qt::ISODate)).state, OpenState::Open);
    QCOMPARE(engine.stateAt(utc(2027, 3, 29, 6, 45)).state, OpenState::Open);
    QCOMPARE(engine.stateAt(utc(2027, 3, 29, 6, 29)).state, OpenState::Closed);

    // An event stored with an explicit offset means that instant, not a wall-clock time.
    ScheduleEvent call = makeEvent(QStringLiteral("call"), OpenState::Open, QDateTime(QDate(2027, 3, 30), QTime(7, 0), Qt::UTC),
        QDateTime(QDate(2027, 3, 30), QTime(8, 0), Qt::UTC));
    const ScheduleEngine one(OpenState::Closed, {call});
    QCOMPARE(one.stateAt(bxl(2027, 3, 30, 9, 30)).state, OpenState::Open);
    QCOMPARE(one.stateAt(bxl(2027, 3, 30, 10, 0)).state, OpenState::Closed);

    // Another zone for the organisation.
    const ScheduleEngine london(OpenState::Closed, ::portalExamples(), QTimeZone(QByteArrayLiteral("Europe/London")));
    QCOMPARE(london.stateAt(utc(2026, 1, 5, 8, 30)).state, OpenState::Open);
    QCOMPARE(london.stateAt(bxl(2026, 1, 5, 9, 0)).state, OpenState::Closed);
}

void TestScheduleEngine::createRejectsBadInput()
{
    QList<ScheduleEvent> events = ::portalExamples();
    events[1].rrule = QStringLiteral("FREQ=SOMETIMES");
    auto bad = ScheduleEngine::create(OpenState::Closed, events);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::Invalid);
    QCOMPARE(bad.error().field, QStringLiteral("rrule"));
    QVERIFY(bad.error().message.contains(QStringLiteral("FREQ=SOMETIMES")));
    // The constructor ignores it: that event never applies.
    QCOMPARE(ScheduleEngine(OpenState::Closed, events).stateAt(bxl(2026, 1, 5, 9)).state, OpenState::Closed);

    auto zone = ScheduleEngine::create(OpenState::Closed, {}, QTimeZone(QByteArrayLiteral("Europe/Nowhere")));
    QVERIFY(!zone.ok());
    QCOMPARE(zone.error().field, QStringLiteral("timeZone"));

    auto good = ScheduleEngine::create(OpenState::Open, ::portalExamples());
    QVERIFY(good.ok());
    QCOMPARE(good->timeZone(), brussels());
    QCOMPARE(good->events().size(), 2);
}

QTEST_GUILESS_MAIN(TestScheduleEngine)
#include "tst_schedule_engine.moc"
