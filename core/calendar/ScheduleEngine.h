#pragma once

#include "common/Result.h"
#include "domain/FunctionNumber.h"
#include "domain/ScheduleEvent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace centrale {

// Answers what a function number's schedule says: the state and prompt at an instant, the
// transitions between two instants, a timeline for a week view, and the events that can never
// take effect. Events are in priority order (the first that covers an instant decides); their
// start/end are wall-clock times of the engine's time zone, and recurrence is expanded by libical.
// Query windows are half-open: [from, to).
class ScheduleEngine final {
    Q_DECLARE_TR_FUNCTIONS(ScheduleEngine)
public:
    struct Decision {
        OpenState state = OpenState::Closed;
        QString promptId; // empty when no prompt (always empty for the default state)
        QString eventId; // the deciding event; empty when the default state applies
        friend bool operator==(const Decision &, const Decision &) = default;
    };
    struct Transition {
        QDateTime at; // in the engine's time zone
        Decision decision; // what applies from `at` on
    };
    struct Interval {
        QDateTime start; // in the engine's time zone
        QDateTime end; // exclusive
        Decision decision;
    };

    static QTimeZone defaultTimeZone();

    // Events whose recurrence cannot be expanded never apply; create() reports them instead.
    ScheduleEngine(OpenState defaultState, QList<ScheduleEvent> events, const QTimeZone &zone = defaultTimeZone());
    // Like the constructor, but fails on an unknown time zone or a recurrence rule libical rejects.
    static Result<ScheduleEngine> create(OpenState defaultState, QList<ScheduleEvent> events, const QTimeZone &zone = defaultTimeZone());

    Decision stateAt(const QDateTime &instant) const;
    // Every instant in (from, to) where the state, the prompt or the deciding event changes.
    QList<Transition> transitions(const QDateTime &from, const QDateTime &to) const;
    // Consecutive intervals covering [from, to) without gaps, adjacent ones always different.
    QList<Interval> timeline(const QDateTime &from, const QDateTime &to) const;
    // Ids (in priority order) of events that occur in [from, to) but never decide anything there,
    // because higher events always cover them.
    QStringList shadowedEvents(const QDateTime &from, const QDateTime &to) const;

    OpenState defaultState() const { return m_defaultState; }
    const QList<ScheduleEvent> &events() const { return m_events; }
    QTimeZone timeZone() const { return m_zone; }

private:
    struct Span {
        qint64 start; // UTC milliseconds since the epoch
        qint64 end;
    };
    // The occurrences of one event intersecting [fromMs, toMs), merged into disjoint sorted spans.
    std::vector<Span> occurrences(const ScheduleEvent &event, qint64 fromMs, qint64 toMs) const;
    std::vector<std::vector<Span>> allOccurrences(qint64 fromMs, qint64 toMs) const;
    QDateTime wallClock(const QDateTime &dt) const;
    qint64 toUtcMs(const QDateTime &wallClock) const;
    Decision decisionFor(int eventIndex) const;

    OpenState m_defaultState;
    QList<ScheduleEvent> m_events;
    QTimeZone m_zone;
};

} // namespace centrale
