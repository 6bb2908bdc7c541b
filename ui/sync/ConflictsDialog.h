#pragma once

#include "sync/SyncEngine.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace centrale {

class ConflictFieldsModel;
class SyncController;

// The changes the server refused: for the selected one, its fields side by side (this store's,
// the server's) and the choice: keep mine (sent again over the server's version) or take theirs.
// A change the server rejected shows its reason: try again, or drop it. Each calendar event is a
// record of its own, resolved on its own.
class ConflictsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsDialog)
public:
    explicit ConflictsDialog(SyncController &controller, QWidget *parent = nullptr);

    ConflictFieldsModel *fieldsModel() const { return m_fields; }
    QListWidget *list() const { return m_list; }

public Q_SLOTS:
    void reload();

private:
    void showSelected();
    void resolve(bool keepMine);

    SyncController &m_controller;
    QList<SyncConflict> m_conflicts;
    QListWidget *m_list;
    QLabel *m_reason;
    QTableView *m_table;
    ConflictFieldsModel *m_fields;
    QLabel *m_error;
    QPushButton *m_keep;
    QPushButton *m_take;
};

} // namespace centrale
