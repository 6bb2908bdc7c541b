#pragma once

#include "sync/SyncEngine.h"

#include <QAbstractTableModel>

#include <functional>

namespace centrale {

// One conflict's record side by side: each field, this store's value and the server's, the
// differences highlighted.
class ConflictFieldsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictFieldsModel)
public:
    enum Column { Field, Mine, Theirs, ColumnCount };
    enum Roles { RawValueRole = Qt::UserRole + 1, DifferentRole };

    explicit ConflictFieldsModel(QObject *parent = nullptr);

    // Names for the ids a record refers to (its groups, ...), so that nobody reads UUIDs.
    using NameOf = std::function<QString(const QString &field, const QString &id)>;
    void setNameOf(NameOf nameOf) { m_nameOf = std::move(nameOf); }

    void setConflict(const SyncConflict &conflict);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "First name" for firstName; the JSON name for the fields without a translation.
    static QString fieldName(const QString &key);

private:
    struct Row {
        QString key;
        QString mine;
        QString theirs;
        bool different = false;
    };
    QString text(const QString &key, const QJsonValue &value) const;

    QList<Row> m_rows;
    NameOf m_nameOf;
};

} // namespace centrale
