#pragma once

#include <QObject>

class QAction;

namespace centrale {

class GroupDialog;
class PagedTableModel;
class Store;
class TablePanel;

// User administration › User groups: adds to the group list its actions (New, Edit, Delete).
// Every change goes through the store (and so lands in the outbox); the list and the members
// detail are reloaded afterwards.
class GroupsPage final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupsPage)
public:
    // members: the detail model listing the selected group's users.
    GroupsPage(Store &store, TablePanel *panel, PagedTableModel *members, QObject *parent = nullptr);

    // Open the dialogs with open(): they do not block the caller.
    GroupDialog *newGroup();
    GroupDialog *editSelected();
    // Deletes the selected group. A group with members is refused by the store; a question then
    // offers to remove the members from it and delete it, in one transaction.
    void deleteSelected();
    // Removes the group from each of its members and deletes it, all in one transaction.
    bool removeMembersAndDelete(const QString &id);

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }

Q_SIGNALS:
    // The store's groups changed.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void refresh(const QString &selectId);
    void showError(const QString &text);
    GroupDialog *openDialog(const QString &id);

    Store &m_store;
    TablePanel *m_panel;
    PagedTableModel *m_members;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_delete;
};

} // namespace centrale
