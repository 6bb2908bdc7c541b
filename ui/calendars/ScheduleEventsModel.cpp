#include "calendars/ScheduleEventsModel.h"

#include "calendars/Recurrence.h"
#include "store/Store.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QMimeData>
#include <QStyle>

namespace centrale {

QString ScheduleEventsModel::mimeType()
{
    return QStringLiteral("application/x-centrale-schedule-event");
}

ScheduleEventsModel::ScheduleEventsModel(Store &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
}

void ScheduleEventsModel::setFunction(const QString &functionId)
{
    m_functionId = functionId;
    reload();
}

void ScheduleEventsModel::reload()
{
    beginResetModel();
    m_events.clear();
    m_shadowed.clear();
    m_promptNames.clear();
    m_lastError.clear();
    if (!m_functionId.isEmpty()) {
        if (auto events = m_store.functions.events(m_functionId); events)
            m_events = *events;
        else
            m_lastError = events.error().message;
        if (auto prompts = m_store.prompts.list(); prompts) {
            for (const VoicePrompt &p : *prompts)
                m_promptNames.insert(p.id, p.name);
        }
    }
    endResetModel();
}

void ScheduleEventsModel::setShadowed(const QStringList &eventIds)
{
    m_shadowed = QSet<QString>(eventIds.begin(), eventIds.end());
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ScheduleEventsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ScheduleEventsModel::rowOf(const QString &eventId) const
{
    for (int r = 0; r < m_events.size(); ++r) {
        if (m_events.at(r).id == eventId)
            return r;
    }
    return -1;
}

int ScheduleEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int ScheduleEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScheduleEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScheduleEvent &e = m_events.at(index.row());
    const bool shadowed = m_shadowed.contains(e.id);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Priority:
            return index.row() + 1;
        case Title:
            return e.title;
        case State:
            return openStateLabel(e.state);
        case When:
            return Recurrence::summary(e);
        case Prompt:
            return m_promptNames.value(e.promptId);
        default:
            return {};
        }
    case RawValueRole:
        switch (index.column()) {
        case Priority:
            return e.position;
        case Title:
            return e.title;
        case State:
            return openStateName(e.state);
        case When:
            return e.rrule;
        case Prompt:
            return e.promptId;
        default:
            return {};
        }
    case IdRole:
        return e.id;
    case Qt::ForegroundRole:
        if (index.column() == State)
            return QBrush(e.state == OpenState::Open ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x1c, 0x1c));
        return {};
    case Qt::DecorationRole:
        if (index.column() == Title && shadowed)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole:
        if (shadowed)
            return tr("This event never takes effect: events above it always cover it.");
        return index.column() == When ? QVariant(Recurrence::summary(e)) : QVariant();
    default:
        return {};
    }
}

QVariant ScheduleEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Priority:
        return tr("Priority");
    case Title:
        return tr("Event");
    case State:
        return tr("State");
    case When:
        return tr("When");
    case Prompt:
        return tr("Voice prompt");
    default:
        return {};
    }
}

Qt::ItemFlags ScheduleEventsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return QAbstractTableModel::flags(index) | Qt::ItemIsDragEnabled;
}

Qt::DropActions ScheduleEventsModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions ScheduleEventsModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList ScheduleEventsModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *ScheduleEventsModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    auto *data = new QMimeData;
    const ScheduleEvent &e = m_events.at(indexes.first().row());
    data->setData(mimeType(), QString(m_functionId + u'/' + e.id).toUtf8());
    return data;
}

int ScheduleEventsModel::dropTarget(const QMimeData *data, int row, const QModelIndex &parent, QString *eventId) const
{
    if (!data || !data->hasFormat(mimeType()))
        return -1;
    const QStringList parts = QString::fromUtf8(data->data(mimeType())).split(u'/');
    if (parts.size() != 2 || parts.at(0) != m_functionId)
        return -1;
    const int source = rowOf(parts.at(1));
    if (source < 0)
        return -1;
    // Dropped between rows: row is the insertion point; dropped on a row: take that row's place.
    int insertAt = row;
    if (insertAt < 0)
        insertAt = parent.isValid() ? parent.row() : static_cast<int>(m_events.size());
    if (parent.isValid() && row < 0 && parent.row() > source)
        ++insertAt; // dropping onto a lower row puts the event below it
    *eventId = parts.at(1);
    return insertAt > source ? insertAt - 1 : insertAt;
}

bool ScheduleEventsModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent) const
{
    QString id;
    return action == Qt::MoveAction && dropTarget(data, row, parent, &id) >= 0;
}

bool ScheduleEventsModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    QString id;
    const int target = action == Qt::MoveAction ? dropTarget(data, row, parent, &id) : -1;
    if (target < 0)
        return false;
    if (target != rowOf(id))
        Q_EMIT moveRequested(id, target);
    // The view then asks to remove the dragged row, which this model refuses (removeRows): the
    // move is made by the store and the model reloaded.
    return true;
}

bool ScheduleEventsModel::moveRows(
    const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent, int destinationChild)
{
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1 || sourceRow < 0 || sourceRow >= rowCount()
        || destinationChild < 0 || destinationChild > rowCount())
        return false;
    const int target = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    if (target == sourceRow)
        return false;
    Q_EMIT moveRequested(m_events.at(sourceRow).id, target);
    return true;
}

} // namespace centrale
