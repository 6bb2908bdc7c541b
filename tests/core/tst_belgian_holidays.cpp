#include "calendar/BelgianHolidays.h"
#include "calendar/ScheduleEngine.h"

#include <QSet>
#include <QTest>

using namespace centrale;

class TestBelgianHolidays : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void easterSunday_data();
    void easterSunday();
    void holidaysPerYear_data();
    void holidaysPerYear();
    void easterBasedOffsets_data();
    void easterBasedOffsets();
    void generatedEvents();
    void nationalDayClosesATuesday();
};

void TestBelgianHolidays::easterSunday_data()
{
    QTest::addColumn<QDate>("expected");
    // Published table of Gregorian Easter Sundays.
    const QList<QDate> table {
        {2000, 4, 23},
        {2001, 4, 15},
        {2002, 3, 31},
        {2003, 4, 20},
        {2004, 4, 11},
        {2005, 3, 27},
        {2006, 4, 16},
        {2007, 4, 8},
        {2008, 3, 23},
        {2009, 4, 12},
        {2010, 4, 4},
        {2011, 4, 24},
        {2012, 4, 8},
        {2013, 3, 31},
        {2014, 4, 20},
        {2015, 4, 5},
        {2016, 3, 27},
        {2017, 4, 16},
        {2018, 4, 1},
        {2019, 4, 21},
        {2020, 4, 12},
        {2021, 4, 4},
        {2022, 4, 17},
        {2023, 4, 9},
        {2024, 3, 31},
        {2025, 4, 20},
        {2026, 4, 5},
        {2027, 3, 28},
        {2028, 4, 16},
        {2029, 4, 1},
        {2030, 4, 21},
        // Extremes: the earliest (22 March) and latest (25 April) possible dates.
        {1818, 3, 22},
        {2285, 3, 22},
        {1943, 4, 25},
        {2038, 4, 25},
    };
    for (const QDate &date : table)
        QTest::addRow("%d", date.year()) << date;
}

void TestBelgianHolidays::easterSunday()
{
    QFETCH(QDate, expected);
    const QDate easter = BelgianHolidays::easterSunday(expected.year());
    QCOMPARE(easter, expected);
    QCOMPARE(easter.dayOfWeek(), int(Qt::Sunday));
}

void TestBelgianHolidays::holidaysPerYear_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<bool>("communities");
    QTest::addColumn<int>("count");
    for (const int year : {2024, 2025, 2026, 2027, 2038}) {
        QTest::addRow("%d national", year) << year << false << 10;
        QTest::addRow("%d with communities", year) << year << true << 13;
    }
}

void TestBelgianHolidays::holidaysPerYear()
{
    QFETCH(int, year);
    QFETCH(bool, communities);
    QFETCH(int, count);
    const QList<BelgianHolidays::Holiday> list = BelgianHolidays::holidays(year, communities);
    QCOMPARE(list.size(), count);
    QSet<QDate> dates;
    for (qsizetype i = 0; i < list.size(); ++i) {
        QCOMPARE(list.at(i).date.year(), year);
        QVERIFY(!list.at(i).title.isEmpty());
        if (i > 0)
            QVERIFY(list.at(i - 1).date < list.at(i).date);
        dates.insert(list.at(i).date);
    }
    for (const QDate &fixed : {QDate(year, 1, 1), QDate(year, 5, 1), QDate(year, 7, 21), QDate(year, 8, 15), QDate(year, 11, 1),
             QDate(year, 11, 11), QDate(year, 12, 25)})
        QVERIFY2(dates.contains(fixed), qPrintable(fixed.toString(Qt::ISODate)));
    const QList<QDate> community {QDate(year, 7, 11), QDate(year, 9, 27), QDate(year, 11, 15)};
    for (const QDate &day : community)
        QCOMPARE(dates.contains(day), communities);
}

void TestBelgianHolidays::easterBasedOffsets_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QDate>("easterMonday");
    QTest::addColumn<QDate>("ascension");
    QTest::addColumn<QDate>("whitMonday");
    QTest::newRow("2024") << 2024 << QDate(2024, 4, 1) << QDate(2024, 5, 9) << QDate(2024, 5, 20);
    QTest::newRow("2025") << 2025 << QDate(2025, 4, 21) << QDate(2025, 5, 29) << QDate(2025, 6, 9);
    QTest::newRow("2026") << 2026 << QDate(2026, 4, 6) << QDate(2026, 5, 14) << QDate(2026, 5, 25);
    QTest::newRow("2027") << 2027 << QDate(2027, 3, 29) << QDate(2027, 5, 6) << QDate(2027, 5, 17);
}

void TestBelgianHolidays::easterBasedOffsets()
{
    QFETCH(int, year);
    QFETCH(QDate, easterMonday);
    QFETCH(QDate, ascension);
    QFETCH(QDate, whitMonday);
    const QDate easter = BelgianHolidays::easterSunday(year);
    QCOMPARE(easter.daysTo(easterMonday), 1);
    QCOMPARE(easter.daysTo(ascension), 39);
    QCOMPARE(easter.daysTo(whitMonday), 50);
    QCOMPARE(ascension.dayOfWeek(), int(Qt::Thursday));
    QCOMPARE(whitMonday.dayOfWeek(), int(Qt::Monday));

    QHash<QDate, QString> titles;
    for (const BelgianHolidays::Holiday &h : BelgianHolidays::holidays(year, false))
        titles.insert(h.date, h.title);
    QCOMPARE(titles.value(easterMonday), QStringLiteral("Lundi de Pâques"));
    QCOMPARE(titles.value(ascension), QStringLiteral("Ascension"));
    QCOMPARE(titles.value(whitMonday), QStringLiteral("Lundi de Pentecôte"));
}

void TestBelgianHolidays::generatedEvents()
{
    const QString functionId = QStringLiteral("function-1");
    QCOMPARE(BelgianHolidays::generate(2026, 2028, false, functionId).size(), 30);
    QCOMPARE(BelgianHolidays::generate(2026, 2026, true, functionId).size(), 13);
    QVERIFY(BelgianHolidays::generate(2027, 2026, true, functionId).isEmpty());

    const QList<ScheduleEvent> events = BelgianHolidays::generate(2026, 2028, true, functionId);
    QCOMPARE(events.size(), 39);
    QSet<QString> ids;
    for (qsizetype i = 0; i < events.size(); ++i) {
        ScheduleEvent event = events.at(i);
        QCOMPARE(event.functionId, functionId);
        QCOMPARE(event.position, int(i));
        QCOMPARE(event.state, OpenState::Closed);
        QVERIFY(event.allDay);
        QVERIFY(event.rrule.isEmpty());
        QVERIFY(event.promptId.isEmpty());
        QCOMPARE(event.start.time(), QTime(0, 0));
        QCOMPARE(event.start.date().daysTo(event.end.date()), 1);
        QVERIFY(!event.id.isEmpty());
        ids.insert(event.id);
        if (i > 0)
            QVERIFY(events.at(i - 1).start < event.start);
        QVERIFY(event.normaliseAndValidate().ok());
    }
    QCOMPARE(ids.size(), events.size());
    QCOMPARE(events.first().start.date(), QDate(2026, 1, 1));
    QCOMPARE(events.last().start.date(), QDate(2028, 12, 25));
}

void TestBelgianHolidays::nationalDayClosesATuesday()
{
    const QString functionId = QStringLiteral("function-1");
    QList<ScheduleEvent> events = BelgianHolidays::generate(2026, 2026, true, functionId);
    ScheduleEvent office;
    office.id = QStringLiteral("office");
    office.functionId = functionId;
    office.title = QStringLiteral("Office hours");
    office.state = OpenState::Open;
    office.start = QDateTime(QDate(2026, 1, 5), QTime(8, 30));
    office.end = QDateTime(QDate(2026, 1, 5), QTime(12, 30));
    office.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    events.append(office); // after the holidays: they win

    QString nationalDay;
    for (const ScheduleEvent &e : std::as_const(events)) {
        if (e.start.date() == QDate(2026, 7, 21))
            nationalDay = e.id;
    }
    QVERIFY(!nationalDay.isEmpty());

    const QTimeZone zone = ScheduleEngine::defaultTimeZone();
    const ScheduleEngine engine(OpenState::Closed, events, zone);
    QCOMPARE(QDate(2026, 7, 21).dayOfWeek(), int(Qt::Tuesday));
    const auto at = [&](int month, int day, int hour) { return QDateTime(QDate(2026, month, day), QTime(hour, 0), zone); };
    ScheduleEngine::Decision d = engine.stateAt(at(7, 21, 10));
    QCOMPARE(d.state, OpenState::Closed);
    QCOMPARE(d.eventId, nationalDay);
    d = engine.stateAt(at(7, 22, 10));
    QCOMPARE(d.state, OpenState::Open);
    QCOMPARE(d.eventId, QStringLiteral("office"));
    QCOMPARE(engine.stateAt(at(4, 6, 10)).state, OpenState::Closed); // Easter Monday
    QCOMPARE(engine.stateAt(at(4, 7, 10)).state, OpenState::Open);
    QCOMPARE(engine.stateAt(at(5, 14, 10)).state, OpenState::Closed); // Ascension, a Thursday
    QCOMPARE(engine.stateAt(at(7, 20, 10)).state, OpenState::Open);

    // In July 2026 only 21 July closes office hours (11 July is a Saturday): 23 weekdays, 22 openings.
    const QList<ScheduleEngine::Transition> july = engine.transitions(at(7, 1, 0), at(8, 1, 0));
    int openings = 0;
    for (const ScheduleEngine::Transition &t : july)
        openings += t.decision.state == OpenState::Open ? 1 : 0;
    QCOMPARE(openings, 22);
}

QTEST_GUILESS_MAIN(TestBelgianHolidays)
#include "tst_belgian_holidays.moc"
