// Calendar benchmark: prints figures, asserts nothing. Each measurement is compared with a
// baseline taken in the same run.
//   1. the state of 10 000 function numbers at one instant (the portal's two examples plus three
//      years of Belgian holidays each): a fresh engine per query vs engines built once and reused;
//   2. one year of transitions for one number vs sampling stateAt every 30 minutes;
//   3. importing a generated 1 000-event .ics into a store vs parsing it only; and exporting it.
#include "calendar/BelgianHolidays.h"
#include "calendar/IcsCalendar.h"
#include "calendar/ScheduleEngine.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <vector>

using namespace centrale;

namespace {

QList<ScheduleEvent> calendarFor(const QString &functionId)
{
    QList<ScheduleEvent> events = BelgianHolidays::generate(2026, 2028, false, functionId);
    ScheduleEvent newYear;
    newYear.id = functionId + QStringLiteral("-ny");
    newYear.functionId = functionId;
    newYear.title = QStringLiteral("Nouvel an");
    newYear.state = OpenState::Closed;
    newYear.promptId = QStringLiteral("prompt");
    newYear.start = QDateTime(QDate(2026, 1, 1), QTime(0, 0));
    newYear.end = QDateTime(QDate(2026, 1, 2), QTime(0, 0));
    newYear.allDay = true;
    newYear.rrule = QStringLiteral("FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1");
    ScheduleEvent office;
    office.id = functionId + QStringLiteral("-office");
    office.functionId = functionId;
    office.title = QStringLiteral("Heures d'ouverture");
    office.state = OpenState::Open;
    office.start = QDateTime(QDate(2026, 1, 5), QTime(8, 30));
    office.end = QDateTime(QDate(2026, 1, 5), QTime(12, 30));
    office.rrule = QStringLiteral("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    events << newYear << office;
    return events;
}

QByteArray generatedIcs(int count)
{
    QByteArray out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Centrale//bench//EN\r\n";
    const QDate base(2027, 1, 4);
    for (int i = 0; i < count; ++i) {
        const QDate d = base.addDays(i % 700);
        const QByteArray day = d.toString(QStringLiteral("yyyyMMdd")).toLatin1();
        const QByteArray next = d.addDays(1).toString(QStringLiteral("yyyyMMdd")).toLatin1();
        out += "BEGIN:VEVENT\r\nUID:bench-" + QByteArray::number(i) + "@example.be\r\nDTSTAMP:20261101T120000Z\r\n";
        out += "SUMMARY:Evenement " + QByteArray::number(i) + "\r\n";
        switch (i % 4) {
        case 0: // weekly opening hours in Brussels time, with an exception
            out += "DTSTART;TZID=Europe/Brussels:" + day + "T083000\r\nDTEND;TZID=Europe/Brussels:" + day + "T123000\r\n";
            out += "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=50\r\nEXDATE;TZID=Europe/Brussels:" + day + "T083000\r\n";
            break;
        case 1: // all-day
            out += "DTSTART;VALUE=DATE:" + day + "\r\nDTEND;VALUE=DATE:" + next + "\r\n";
            break;
        case 2: // UTC
            out += "DTSTART:" + day + "T120000Z\r\nDTEND:" + day + "T160000Z\r\n";
            break;
        default: // floating, yearly
            out += "DTSTART:" + day + "T220000\r\nDTEND:" + next + "T060000\r\nRRULE:FREQ=YEARLY\r\nX-CENTRALE-STATE:open\r\n";
            break;
        }
        out += "END:VEVENT\r\n";
    }
    out += "END:VCALENDAR\r\n";
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QTimeZone zone = ScheduleEngine::defaultTimeZone();
    const QDateTime instant(QDate(2027, 7, 21), QTime(10, 0), zone);
    QElapsedTimer t;

    // 1. 10 000 function numbers at one instant.
    constexpr int functions = 10'000;
    std::vector<QList<ScheduleEvent>> calendars;
    calendars.reserve(functions);
    for (int i = 0; i < functions; ++i)
        calendars.push_back(calendarFor(QStringLiteral("f%1").arg(i)));
    const qsizetype eventsEach = calendars.front().size();

    t.start();
    int closedFresh = 0;
    for (const QList<ScheduleEvent> &events : calendars) {
        auto engine = ScheduleEngine::create(OpenState::Closed, events, zone);
        if (engine && engine->stateAt(instant).state == OpenState::Closed)
            ++closedFresh;
    }
    const qint64 freshMs = t.elapsed();

    t.restart();
    std::vector<ScheduleEngine> engines;
    engines.reserve(functions);
    for (const QList<ScheduleEvent> &events : calendars)
        engines.emplace_back(OpenState::Closed, events, zone);
    const qint64 buildMs = t.elapsed();
    t.restart();
    int closedReused = 0;
    for (const ScheduleEngine &engine : engines) {
        if (engine.stateAt(instant).state == OpenState::Closed)
            ++closedReused;
    }
    const qint64 reusedMs = t.elapsed();
    out << "state of " << functions << " function numbers (" << eventsEach << " events each) at " << instant.toString(Qt::ISODate) << ":\n"
        << "  baseline, validated engine created per query: " << freshMs << " ms (" << closedFresh << " closed)\n"
        << "  engines built once: " << buildMs << " ms to build, then " << reusedMs << " ms for all queries (" << closedReused
        << " closed)\n";

    // 2. One year of transitions for one number.
    const ScheduleEngine &one = engines.front();
    const QDateTime yearStart(QDate(2027, 1, 1), QTime(0, 0), zone);
    const QDateTime yearEnd(QDate(2028, 1, 1), QTime(0, 0), zone);
    t.restart();
    const auto transitions = one.transitions(yearStart, yearEnd);
    const qint64 transitionsMs = t.elapsed();
    t.restart();
    int changes = 0;
    ScheduleEngine::Decision previous = one.stateAt(yearStart);
    for (QDateTime at = yearStart.addSecs(1800); at < yearEnd; at = at.addSecs(1800)) {
        const ScheduleEngine::Decision d = one.stateAt(at);
        if (!(d == previous))
            ++changes;
        previous = d;
    }
    const qint64 samplingMs = t.elapsed();
    out << "one year of transitions for one number: " << transitionsMs << " ms (" << transitions.size() << " transitions)\n"
        << "  baseline, stateAt every 30 minutes: " << samplingMs << " ms (" << changes << " changes seen)\n";

    // 3. Import a generated 1 000-event .ics.
    QTemporaryDir dir;
    Store store;
    if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("bench.sqlite")))) {
        out << "cannot open a store\n";
        return 1;
    }
    Organisation org;
    org.domain = QStringLiteral("domaincustomer.be");
    org.name = QStringLiteral("Domain Customer");
    FunctionNumber f;
    f.number = QStringLiteral("+3223000000");
    f.name = QStringLiteral("Accueil");
    auto created = store.organisation.create(org) ? store.functions.create(f)
                                                  : Result<FunctionNumber>(Error::invalid(QStringLiteral("organisation")));
    if (!created) {
        out << created.error().message << "\n";
        return 1;
    }
    const QByteArray ics = generatedIcs(1000);
    IcsCalendar calendar(store, zone);
    t.restart();
    auto parsed = calendar.parse(ics, created->id);
    const qint64 parseMs = t.elapsed();
    t.restart();
    auto imported = calendar.importInto(ics, created->id);
    const qint64 importMs = t.elapsed();
    t.restart();
    auto exported = calendar.exportCalendar(created->id);
    const qint64 exportMs = t.elapsed();
    out << "import of a generated 1000-event .ics (" << ics.size() / 1024 << " KiB):\n"
        << "  baseline, parse and validate only: " << parseMs << " ms (" << (parsed ? parsed->events.size() : -1) << " events)\n"
        << "  parse and store in one transaction: " << importMs << " ms (" << (imported ? imported->events.size() : -1) << " events)\n"
        << "  export of the stored calendar: " << exportMs << " ms (" << (exported ? exported->size() / 1024 : -1) << " KiB)\n";
    out.flush();
    return 0;
}
