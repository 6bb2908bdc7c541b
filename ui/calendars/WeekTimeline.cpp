#include "calendars/WeekTimeline.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace centrale {

namespace {
constexpr int kHeaderHeight = 16;
constexpr int kRowHeight = 20;
const QColor kOpen(0x2e, 0xa0, 0x4f);
const QColor kClosed(0xd0, 0x2b, 0x2b);
} // namespace

WeekTimeline::WeekTimeline(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("weekTimeline"));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    const QDate today = QDate::currentDate();
    m_monday = today.addDays(1 - today.dayOfWeek());
}

void WeekTimeline::setSchedule(const ScheduleEngine &engine, const QHash<QString, QString> &titles)
{
    m_engine = engine;
    m_titles = titles;
    recompute();
}

void WeekTimeline::clearSchedule()
{
    m_engine.reset();
    m_titles.clear();
    recompute();
}

void WeekTimeline::setWeek(const QDate &day)
{
    m_monday = day.addDays(1 - day.dayOfWeek());
    recompute();
}

void WeekTimeline::recompute()
{
    m_intervals.clear();
    if (m_engine) {
        const QTimeZone zone = m_engine->timeZone();
        m_intervals = m_engine->timeline(QDateTime(m_monday, QTime(0, 0), zone), QDateTime(m_monday.addDays(7), QTime(0, 0), zone));
    }
    update();
}

QString WeekTimeline::describe(const QDateTime &instant) const
{
    for (const ScheduleEngine::Interval &i : m_intervals) {
        if (i.start <= instant && instant < i.end) {
            const QLocale locale;
            const QString span = tr("%1 – %2").arg(
                locale.toString(i.start, QStringLiteral("ddd HH:mm")), locale.toString(i.end, QStringLiteral("ddd HH:mm")));
            const QString state = openStateLabel(i.decision.state);
            if (i.decision.eventId.isEmpty())
                //: %1 is a time span, %2 open or closed
                return tr("%1: %2 (default state)").arg(span, state);
            //: %1 is a time span, %2 open or closed, %3 the deciding event's title
            return tr("%1: %2, event “%3”").arg(span, state, m_titles.value(i.decision.eventId));
        }
    }
    return {};
}

int WeekTimeline::labelWidth() const
{
    const QLocale locale;
    int width = 0;
    for (int d = 1; d <= 7; ++d)
        width = qMax(width, fontMetrics().horizontalAdvance(QString(locale.dayName(d, QLocale::ShortFormat) + QStringLiteral(" 00/00"))));
    return width + 8;
}

QRect WeekTimeline::chartRect() const
{
    const int left = labelWidth();
    return QRect(left, kHeaderHeight, qMax(24, width() - left - 4), 7 * kRowHeight);
}

QDateTime WeekTimeline::instantAt(const QPoint &pos) const
{
    const QRect chart = chartRect();
    if (!chart.contains(pos) || !m_engine)
        return {};
    const int day = (pos.y() - chart.top()) / kRowHeight;
    const QTimeZone zone = m_engine->timeZone();
    const QDateTime dayStart(m_monday.addDays(day), QTime(0, 0), zone);
    const QDateTime dayEnd(m_monday.addDays(day + 1), QTime(0, 0), zone);
    const qint64 span = dayStart.secsTo(dayEnd);
    return dayStart.addSecs(span * (pos.x() - chart.left()) / chart.width());
}

QSize WeekTimeline::sizeHint() const
{
    return QSize(labelWidth() + 480, kHeaderHeight + 7 * kRowHeight + 4);
}

QSize WeekTimeline::minimumSizeHint() const
{
    return QSize(labelWidth() + 240, kHeaderHeight + 7 * kRowHeight + 4);
}

void WeekTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QRect chart = chartRect();
    const QLocale locale;
    p.fillRect(chart, palette().base());
    // Hour marks every three hours.
    p.setPen(palette().color(QPalette::Text));
    for (int h = 0; h <= 24; h += 3) {
        const int x = chart.left() + chart.width() * h / 24;
        const QString label = QStringLiteral("%1").arg(h, 2, 10, QLatin1Char('0'));
        const int w = fontMetrics().horizontalAdvance(label);
        p.drawText(QRect(qBound(0, x - w / 2, width() - w), 0, w, kHeaderHeight), Qt::AlignCenter, label);
    }
    if (m_engine) {
        const QTimeZone zone = m_engine->timeZone();
        for (int day = 0; day < 7; ++day) {
            const QDate date = m_monday.addDays(day);
            const QDateTime dayStart(date, QTime(0, 0), zone);
            const QDateTime dayEnd(date.addDays(1), QTime(0, 0), zone);
            const qint64 span = dayStart.secsTo(dayEnd); // 23 or 25 hours on daylight-saving days
            const int top = chart.top() + day * kRowHeight;
            for (const ScheduleEngine::Interval &i : m_intervals) {
                const QDateTime from = qMax(i.start, dayStart);
                const QDateTime to = qMin(i.end, dayEnd);
                if (from >= to)
                    continue;
                const int x1 = chart.left() + static_cast<int>(chart.width() * dayStart.secsTo(from) / span);
                const int x2 = chart.left() + static_cast<int>(chart.width() * dayStart.secsTo(to) / span);
                QColor colour = i.decision.state == OpenState::Open ? kOpen : kClosed;
                if (i.decision.eventId.isEmpty())
                    colour = colour.lighter(150);
                p.fillRect(QRect(x1, top + 1, qMax(1, x2 - x1), kRowHeight - 2), colour);
            }
        }
    }
    p.setPen(palette().color(QPalette::Text));
    for (int day = 0; day < 7; ++day) {
        const QDate date = m_monday.addDays(day);
        const QRect label(0, chart.top() + day * kRowHeight, chart.left() - 4, kRowHeight);
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
            QString(locale.dayName(date.dayOfWeek(), QLocale::ShortFormat) + u' ' + locale.toString(date, QStringLiteral("dd/MM"))));
    }
    p.setPen(palette().color(QPalette::Mid));
    for (int h = 0; h <= 24; h += 3) {
        const int x = chart.left() + chart.width() * h / 24;
        p.drawLine(x, chart.top(), x, chart.bottom());
    }
    p.drawRect(chart.adjusted(0, 0, -1, -1));
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

bool WeekTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = describe(instantAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    if (event->type() == QEvent::LanguageChange)
        update();
    return QWidget::event(event);
}

} // namespace centrale
