#pragma once

#include <QObject>

class QAction;
class QComboBox;
class QInputDialog;
class QMenu;
class QMessageBox;

namespace centrale {

class CsvActions;
class Store;
class SyncController;
class TablePanel;
class UserDetail;
class UserDialog;
class UsersModel;
class WelcomeDialog;

// User administration › Users: the list's actions. "Edit user…" (the row's tool menu, a double
// click, or Enter) opens the user editor; several users can be selected for "Add to group…",
// "Remove from group…" and "Send welcome message…"; users are imported and exported as CSV.
// The filter can look in one column only.
class UsersPage final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)
public:
    UsersPage(Store &store, TablePanel *panel, UserDetail *detail, QObject *parent = nullptr);

    // Welcome messages go through this connection when it is set and connected.
    void setSyncController(SyncController *sync) { m_sync = sync; }

    // Dialogs are opened with open(): they do not block the caller.
    UserDialog *editSelected();
    WelcomeDialog *sendWelcome(const QStringList &userIds);
    WelcomeDialog *sendWelcomeToSelected();
    QInputDialog *addSelectedToGroup();
    QInputDialog *removeSelectedFromGroup();
    // "Show" of a desk phone: its model, MAC and programmed keys.
    QMessageBox *showPhone(const QString &phoneId);
    // Applies a group change to these users at once; false with a message when it fails.
    bool changeGroup(const QStringList &userIds, const QString &groupName, bool add);

    QStringList selectedIds() const;
    QComboBox *filterColumnCombo() const { return m_filterColumn; }
    CsvActions *csv() const { return m_csv; }
    QMenu *toolMenu() const { return m_menu; }
    QAction *editAction() const { return m_edit; }
    QAction *welcomeAction() const { return m_welcome; }
    QAction *addToGroupAction() const { return m_addToGroup; }
    QAction *removeFromGroupAction() const { return m_removeFromGroup; }

Q_SIGNALS:
    // The store's users changed.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    UsersModel *model() const;
    void retranslate();
    void updateActions();
    void refresh();
    void showError(const QString &text);
    QInputDialog *chooseGroup(bool add);

    Store &m_store;
    TablePanel *m_panel;
    UserDetail *m_detail;
    CsvActions *m_csv;
    QComboBox *m_filterColumn;
    QMenu *m_menu;
    QAction *m_edit;
    QAction *m_welcome;
    QAction *m_addToGroup;
    QAction *m_removeFromGroup;
    QAction *m_tools;
    SyncController *m_sync = nullptr;
};

} // namespace centrale
