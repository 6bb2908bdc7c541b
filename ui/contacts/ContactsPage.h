#pragma once

#include "domain/Contact.h"

#include <QObject>

class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QWidget;

namespace centrale {

class ContactDialog;
class ContactsModel;
class Store;
class TablePanel;

// Services › Contact lists: the level chooser (all contacts, the organisation, a user group, a user
// found by username or name) and the actions Create a new contact, Edit…, Delete (after a question).
// A created contact belongs to the chosen level. Every change goes through the store (and the outbox).
class ContactsPage final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactsPage)
public:
    enum Level { AllContacts, OrganisationLevel, GroupLevel, UserLevel };

    ContactsPage(Store &store, TablePanel *panel, QObject *parent = nullptr);

    // Open the dialogs with open(): they do not block the caller.
    ContactDialog *newContact();
    ContactDialog *editSelected();
    // Asks (a QMessageBox opened with open(), "confirmDeleteContact") and deletes on Delete.
    void deleteSelected();

    // The level chooser's widgets, for tests and for the keyboard.
    QComboBox *levelCombo() const { return m_level; }
    QComboBox *groupCombo() const { return m_group; }
    QLineEdit *userSearch() const { return m_userSearch; }
    QComboBox *userCombo() const { return m_user; }
    QCheckBox *effectiveCheck() const { return m_effective; }
    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *deleteAction() const { return m_delete; }

Q_SIGNALS:
    // The store's contacts changed.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    ContactsModel *model() const;
    void retranslate();
    void fillGroups();
    void searchUsers(const QString &text);
    void applyLevel();
    void updateActions();
    void refresh(const QString &selectId);
    void showError(const QString &text);
    ContactDialog *openDialog(const QString &id, Contact::Scope scope, const QString &ownerId);

    Store &m_store;
    TablePanel *m_panel;
    QWidget *m_chooser;
    QComboBox *m_level;
    QComboBox *m_group;
    QLineEdit *m_userSearch;
    QComboBox *m_user;
    QCheckBox *m_effective;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_delete;
};

} // namespace centrale
