#pragma once

#include "domain/Contact.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace centrale {

class Store;

// Create a new contact / Edit a contact: names, company, email and phone numbers with labels.
// Numbers are stored as +32… (E.164); a refusal (normaliseAndValidate or the store) is shown in
// the dialog, which stays open.
class ContactDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactDialog)
public:
    // With an empty contactId the dialog creates a contact at the given level; otherwise it edits
    // that contact (and keeps its level).
    ContactDialog(Store &store, const QString &contactId, Contact::Scope scope, const QString &ownerId, QWidget *parent = nullptr);

    QString contactId() const { return m_contactId; }
    // The last refusal shown (empty when none).
    QString errorText() const;
    // Adds an empty number row and returns its index.
    int addNumberRow(const QString &label = {}, const QString &number = {});
    void removeSelectedNumber();

    void accept() override;

Q_SIGNALS:
    void contactSaved(const QString &id);

private:
    void load();
    void showError(const QString &message);

    Store &m_store;
    QString m_contactId;
    Contact m_contact;
    QLineEdit *m_firstName;
    QLineEdit *m_lastName;
    QLineEdit *m_company;
    QLineEdit *m_email;
    QTableWidget *m_numbers;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace centrale
