#pragma once

#include "common/Result.h"
#include "domain/FunctionNumber.h"
#include "domain/ScheduleEvent.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace centrale {

class Store;

// iCalendar (RFC 5545) import and export of a function number's calendar, through libical.
//
// Import: every VEVENT becomes a ScheduleEvent in the organisation's time zone. A time with a
// zone (TZID, resolved through the file's VTIMEZONE, libical's builtin zones or a Windows zone
// name such as "Romance Standard Time") or with Z is exactly that instant; a floating time is the
// organisation's wall clock. X-CENTRALE-STATE / -PROMPT (by name) / -PRIORITY are kept unless the
// caller overrides state or prompt. A prompt name the store does not know is not an error: the
// event is imported without a prompt and a note says so. Components that cannot become an event
// are skipped with a reason. A malformed file is refused as a whole, naming the line.
//
// Export: the events in priority order, with a VTIMEZONE for the organisation's zone, so that
// importing the file into an empty calendar gives the same calendar back.
class IcsCalendar final {
    Q_DECLARE_TR_FUNCTIONS(IcsCalendar)
    Q_DISABLE_COPY_MOVE(IcsCalendar)
public:
    struct ImportOptions {
        std::optional<OpenState> state; // overrides X-CENTRALE-STATE; closed when neither is given
        std::optional<QString> promptId; // overrides X-CENTRALE-PROMPT; an empty id means no prompt
    };
    struct Skipped {
        QString title; // the SUMMARY, or the component's kind
        QString reason; // translated
    };
    struct Parsed {
        QList<ScheduleEvent> events; // in priority order, not yet stored (functionId set, no id)
        QList<Skipped> skipped;
        QStringList notes; // translated remarks on imported events (e.g. an unknown prompt)
        std::optional<OpenState> defaultState; // X-CENTRALE-DEFAULT-STATE, when the file has it
        bool defaultStateApplied = false; // set by importInto()
    };

    // Prompts are looked up by name in the store (X-CENTRALE-PROMPT carries the name).
    explicit IcsCalendar(Store &store, const QTimeZone &zone = QTimeZone(QByteArrayLiteral("Europe/Brussels")));
    // Without a store (the server): prompts are named by this map (id -> name); parse() and
    // exportEvents() work, importInto() and exportCalendar() do not.
    IcsCalendar(const QHash<QString, QString> &promptNamesById, const QTimeZone &zone);

    // Parses and validates without writing anything.
    Result<Parsed> parse(const QByteArray &ics, const QString &functionId, const ImportOptions &options = {});
    // Parses, then appends every event (at the lowest priorities, in the file's order) in one
    // transaction: either all are stored or none. The file's default state is applied when the
    // calendar was empty (restoring an exported calendar), otherwise a note says it was not.
    Result<Parsed> importInto(const QByteArray &ics, const QString &functionId, const ImportOptions &options = {});
    Result<Parsed> importFile(const QString &path, const QString &functionId, const ImportOptions &options = {});

    Result<QByteArray> exportCalendar(const QString &functionId);
    // The calendar of these events (in priority order) of the function.
    Result<QByteArray> exportEvents(const FunctionNumber &function, const QList<ScheduleEvent> &events);
    Status exportFile(const QString &functionId, const QString &path);

private:
    Status loadPrompts();

    Store *m_store = nullptr;
    QTimeZone m_zone;
    QHash<QString, QString> m_promptIdByName;
    QHash<QString, QString> m_promptNameById;
};

} // namespace centrale
