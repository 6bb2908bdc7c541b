#pragma once

#include "domain/ScheduleEvent.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace centrale {

class Store;

// The events of one function number's schedule, in priority order, editable by drag and drop:
// a drop (or moveRows) does not move anything itself, it asks for the move with moveRequested so
// that the editor can make it an undoable store change and reload.
class ScheduleEventsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleEventsModel)
public:
    enum Column { Priority, Title, State, When, Prompt, ColumnCount };
    enum Roles { RawValueRole = Qt::UserRole + 1, IdRole };
    static QString mimeType();

    explicit ScheduleEventsModel(Store &store, QObject *parent = nullptr);

    void setFunction(const QString &functionId);
    QString functionId() const { return m_functionId; }
    // Re-reads the events (and the prompts' names) from the store.
    void reload();
    // Events that can never take effect, marked with a warning.
    void setShadowed(const QStringList &eventIds);
    // The language changed: headers and cells (states, summaries) read again.
    void retranslate();
    const QList<ScheduleEvent> &events() const { return m_events; }
    int rowOf(const QString &eventId) const;
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    // Moving one row asks for the move (see moveRequested); the rows change when the store did.
    bool moveRows(
        const QModelIndex &sourceParent, int sourceRow, int count, const QModelIndex &destinationParent, int destinationChild) override;

Q_SIGNALS:
    // Move the event to newPosition (0 = first), counted after taking it out of the list.
    void moveRequested(const QString &eventId, int newPosition);

private:
    int dropTarget(const QMimeData *data, int row, const QModelIndex &parent, QString *eventId) const;

    Store &m_store;
    QString m_functionId;
    QList<ScheduleEvent> m_events;
    QHash<QString, QString> m_promptNames;
    QSet<QString> m_shadowed;
    QString m_lastError;
};

} // namespace centrale
