#include "sync/ConflictFieldsModel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPalette>

#include <set>

namespace centrale {

QString ConflictFieldsModel::text(const QString &key, const QJsonValue &v) const
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? ConflictFieldsModel::tr("yes") : ConflictFieldsModel::tr("no");
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        bool names = m_nameOf != nullptr;
        for (const QJsonValue &item : a)
            names &= item.isString();
        if (!names)
            return a.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        QStringList out;
        for (const QJsonValue &item : a) {
            const QString name = m_nameOf(key, item.toString());
            out << (name.isEmpty() ? item.toString() : name);
        }
        return out.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return v.toObject().isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

namespace {

// Fields the administrator does not edit: the server's bookkeeping.
bool hidden(const QString &key)
{
    static const QSet<QString> keys {QStringLiteral("version"), QStringLiteral("id"), QStringLiteral("audio")};
    return keys.contains(key);
}
} // namespace

ConflictFieldsModel::ConflictFieldsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

QString ConflictFieldsModel::fieldName(const QString &key)
{
    static const QHash<QString, const char *> names {
        {QStringLiteral("firstName"), QT_TR_NOOP("First name")},
        {QStringLiteral("lastName"), QT_TR_NOOP("Last name")},
        {QStringLiteral("name"), QT_TR_NOOP("Name")},
        {QStringLiteral("description"), QT_TR_NOOP("Description")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("mobile"), QT_TR_NOOP("Mobile")},
        {QStringLiteral("username"), QT_TR_NOOP("Username")},
        {QStringLiteral("language"), QT_TR_NOOP("Language")},
        {QStringLiteral("number"), QT_TR_NOOP("Number")},
        {QStringLiteral("groups"), QT_TR_NOOP("Groups")},
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("company"), QT_TR_NOOP("Company")},
        {QStringLiteral("phone"), QT_TR_NOOP("Phone")},
        {QStringLiteral("state"), QT_TR_NOOP("State")},
        {QStringLiteral("position"), QT_TR_NOOP("Position")},
        {QStringLiteral("start"), QT_TR_NOOP("Start")},
        {QStringLiteral("end"), QT_TR_NOOP("End")},
        {QStringLiteral("mac"), QT_TR_NOOP("MAC address")},
        {QStringLiteral("model"), QT_TR_NOOP("Model")},
        {QStringLiteral("keys"), QT_TR_NOOP("Keys")},
        {QStringLiteral("domain"), QT_TR_NOOP("Domain")},
        {QStringLiteral("deleted"), QT_TR_NOOP("Deleted")},
        {QStringLiteral("settings"), QT_TR_NOOP("Service settings")},
    };
    const char *name = names.value(key, nullptr);
    return name ? tr(name) : key;
}

void ConflictFieldsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ConflictFieldsModel::setConflict(const SyncConflict &conflict)
{
    beginResetModel();
    m_rows.clear();
    // A rejection's server side is the server's reason, not a record: only this store's values.
    const QJsonObject theirs = conflict.rejected() ? QJsonObject {} : conflict.server;
    std::set<QString> keys;
    for (auto it = conflict.local.begin(); it != conflict.local.end(); ++it)
        keys.insert(it.key());
    for (auto it = theirs.begin(); it != theirs.end(); ++it)
        if (conflict.local.isEmpty() || conflict.local.contains(it.key()))
            keys.insert(it.key());
    const bool deletedThere = conflict.serverDeleted;
    const bool deletedHere = conflict.operation == QLatin1String("delete");
    if (deletedThere || deletedHere)
        m_rows.append({QStringLiteral("deleted"), deletedHere ? tr("yes") : tr("no"), deletedThere ? tr("yes") : tr("no"),
            deletedHere != deletedThere});
    for (const QString &key : keys) {
        if (hidden(key))
            continue;
        Row row {key, text(key, conflict.local.value(key)), text(key, theirs.value(key)), false};
        row.different = !conflict.rejected() && !deletedThere && conflict.local.value(key) != theirs.value(key);
        m_rows.append(row);
    }
    // The differences first: they are what the administrator decides about.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) { return a.different && !b.different; });
    endResetModel();
}

int ConflictFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ConflictFieldsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Field:
            return fieldName(row.key);
        case Mine:
            return row.mine;
        case Theirs:
            return row.theirs;
        }
        return {};
    case RawValueRole:
        return index.column() == Field ? row.key : index.column() == Mine ? row.mine : row.theirs;
    case DifferentRole:
        return row.different;
    case Qt::BackgroundRole:
        if (row.different && index.column() != Field) {
            QColor c = QGuiApplication::palette().color(QPalette::Highlight);
            c.setAlpha(60);
            return QBrush(c);
        }
        return {};
    case Qt::FontRole:
        if (row.different) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    return {};
}

QVariant ConflictFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Field:
        return tr("Field");
    case Mine:
        return tr("In this store");
    case Theirs:
        return tr("On the server");
    }
    return {};
}

} // namespace centrale
