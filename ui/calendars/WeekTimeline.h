#pragma once

#include "calendar/ScheduleEngine.h"

#include <QHash>
#include <QWidget>

#include <optional>

namespace centrale {

// A week of a schedule: one row per day, 24 hours across, open in green and closed in red, from
// ScheduleEngine::timeline. Intervals decided by the default state are drawn paler; the tooltip
// names the deciding event.
class WeekTimeline final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WeekTimeline)
public:
    explicit WeekTimeline(QWidget *parent = nullptr);

    // titles: event id -> title, for tooltips.
    void setSchedule(const ScheduleEngine &engine, const QHash<QString, QString> &titles);
    void clearSchedule();
    // Shows the week (Monday to Sunday) that contains day.
    void setWeek(const QDate &day);
    QDate weekStart() const { return m_monday; }
    // The shown week's intervals, in the engine's time zone.
    const QList<ScheduleEngine::Interval> &intervals() const { return m_intervals; }
    // What the tooltip says about an instant (empty outside the week).
    QString describe(const QDateTime &instant) const;
    QDateTime instantAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    void recompute();
    QRect chartRect() const;
    int labelWidth() const;

    std::optional<ScheduleEngine> m_engine;
    QHash<QString, QString> m_titles;
    QDate m_monday;
    QList<ScheduleEngine::Interval> m_intervals;
};

} // namespace centrale
