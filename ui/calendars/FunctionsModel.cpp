#include "calendars/FunctionsModel.h"

#include "calendar/ScheduleEngine.h"
#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

namespace centrale {

namespace {
QVariant stateColour(OpenState state)
{
    return QBrush(state == OpenState::Open ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x1c, 0x1c));
}

QPixmap stateDot(OpenState state)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(state == OpenState::Open ? QColor(0x2e, 0xa0, 0x4f) : QColor(0xd0, 0x2b, 0x2b));
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return pixmap;
}

// Transitions are looked for this far ahead; the timer also re-checks at least this often, so a
// clock that jumps (suspend, time zone change) is caught up with.
constexpr int kLookAheadDays = 8;
constexpr qint64 kMaxTimerMs = 60 * 60 * 1000;
} // namespace

FunctionsModel::FunctionsModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store), m_clock([] { return QDateTime::currentDateTime(); }), m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("stateTimer"));
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &FunctionsModel::refreshStates);
}

void FunctionsModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshStates();
}

FunctionsModel::Info FunctionsModel::infoFor(const FunctionNumber &function, const QDateTime &now) const
{
    Info info;
    info.defaultState = function.defaultState;
    info.eventCount = function.eventCount;
    info.current = function.defaultState;
    auto events = m_store.functions.events(function.id);
    if (!events)
        return info;
    const ScheduleEngine engine(function.defaultState, *events);
    info.current = engine.stateAt(now).state;
    const auto transitions = engine.transitions(now, now.addDays(kLookAheadDays));
    if (!transitions.isEmpty())
        info.next = transitions.first().at;
    return info;
}

QVariant FunctionsModel::data(const QModelIndex &index, int role) const
{
    const int column = index.column();
    if (!index.isValid() || (column != CurrentState && column != DefaultState && column != Events))
        return PagedTableModel::data(index, role);
    const auto it = m_info.constFind(idAt(index.row()));
    if (it == m_info.constEnd())
        return PagedTableModel::data(index, role);
    const Info &info = *it;
    if (column == Events)
        return (role == Qt::DisplayRole || role == RawValueRole) ? QVariant(info.eventCount) : PagedTableModel::data(index, role);
    const OpenState state = column == CurrentState ? info.current : info.defaultState;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return openStateLabel(state);
    case RawValueRole:
        return openStateName(state);
    case Qt::ForegroundRole:
        return stateColour(state);
    case Qt::DecorationRole:
        return column == CurrentState ? QVariant(stateDot(state)) : QVariant();
    default:
        return PagedTableModel::data(index, role);
    }
}

void FunctionsModel::refreshStates()
{
    const QDateTime now = m_clock();
    auto functions = m_store.functions.list();
    if (functions) {
        for (const FunctionNumber &f : *functions) {
            if (m_info.contains(f.id))
                m_info.insert(f.id, infoFor(f, now));
        }
    }
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, CurrentState), index(rowCount() - 1, Events));
    scheduleTimer();
}

void FunctionsModel::scheduleTimer()
{
    m_next = {};
    for (const Info &info : std::as_const(m_info)) {
        if (info.next.isValid() && (!m_next.isValid() || info.next < m_next))
            m_next = info.next;
    }
    qint64 ms = kMaxTimerMs;
    if (m_next.isValid())
        ms = qBound(qint64(0), m_clock().msecsTo(m_next) + 1, kMaxTimerMs);
    m_timer->start(static_cast<int>(ms));
}

QString FunctionsModel::header(int column) const
{
    switch (column) {
    case Name:
        return tr("Name");
    case Number:
        return tr("Number");
    //: The state a function number's schedule gives now: open or closed
    case CurrentState:
        return tr("Now");
    case DefaultState:
        return tr("Default state");
    case Events:
        return tr("Events");
    default:
        return {};
    }
}

QString FunctionsModel::sortKey(int column) const
{
    switch (column) {
    case Name:
        return QStringLiteral("name");
    case Number:
        return QStringLiteral("number");
    default:
        return {};
    }
}

Result<int> FunctionsModel::loadCount(const QString &filter)
{
    ListQuery q;
    q.filter = filter;
    auto all = m_store.functions.list(q);
    if (!all)
        return all.error();
    return static_cast<int>(all->size());
}

Result<QList<PagedTableModel::Row>> FunctionsModel::loadPage(const ListQuery &query)
{
    auto functions = m_store.functions.list(query);
    if (!functions)
        return functions.error();
    QList<Row> rows;
    const QDateTime now = m_clock();
    if (query.offset == 0)
        m_info.clear();
    for (const FunctionNumber &f : *functions) {
        const Info info = infoFor(f, now);
        m_info.insert(f.id, info);
        rows.append({f.id,
            {f.name, PhoneNumbers::formatInternational(f.number), openStateLabel(info.current), openStateLabel(f.defaultState),
                f.eventCount},
            {f.name, f.number, openStateName(info.current), openStateName(f.defaultState), f.eventCount}, {},
            {QVariant(), QVariant(), stateColour(info.current), stateColour(f.defaultState), QVariant()}});
    }
    scheduleTimer();
    return rows;
}

} // namespace centrale
