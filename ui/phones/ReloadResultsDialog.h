#pragma once

#include "devices/PhoneReloadQueue.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace centrale {

// After "Save and reload": what happened to each phone, in plain words.
class ReloadResultsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReloadResultsDialog)
public:
    enum Column { Mac, Owner, Result, Details, ColumnCount };

    // owners: the phones' users by phone id.
    ReloadResultsDialog(const QList<PhoneReloadOutcome> &outcomes, const QHash<QString, QString> &owners, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QString summary() const;

private:
    QLabel *m_summary;
    QTableWidget *m_table;
};

} // namespace centrale
