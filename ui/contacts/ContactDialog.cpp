#include "contacts/ContactDialog.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace centrale {

ContactDialog::ContactDialog(Store &store, const QString &contactId, Contact::Scope scope, const QString &ownerId, QWidget *parent)
    : QDialog(parent), m_store(store), m_contactId(contactId), m_firstName(new QLineEdit(this)), m_lastName(new QLineEdit(this)),
      m_company(new QLineEdit(this)), m_email(new QLineEdit(this)), m_numbers(new QTableWidget(0, 2, this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("contactDialog"));
    m_contact.scope = scope;
    m_contact.ownerId = scope == Contact::Scope::Organisation ? QString() : ownerId;
    m_firstName->setObjectName(QStringLiteral("contactFirstName"));
    m_lastName->setObjectName(QStringLiteral("contactLastName"));
    m_company->setObjectName(QStringLiteral("contactCompany"));
    m_email->setObjectName(QStringLiteral("contactEmail"));
    m_numbers->setObjectName(QStringLiteral("contactNumbers"));
    m_numbers->setHorizontalHeaderLabels({tr("Label"), tr("Phone number")});
    m_numbers->horizontalHeader()->setStretchLastSection(true);
    m_numbers->verticalHeader()->setVisible(false);
    m_numbers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_error->setObjectName(QStringLiteral("contactError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *add = new QPushButton(tr("Add phone number"), this);
    add->setObjectName(QStringLiteral("addContactNumber"));
    auto *remove = new QPushButton(tr("Remove number"), this);
    remove->setObjectName(QStringLiteral("removeContactNumber"));
    connect(add, &QPushButton::clicked, this, [this] { addNumberRow(); });
    connect(remove, &QPushButton::clicked, this, &ContactDialog::removeSelectedNumber);

    auto *form = new QFormLayout;
    form->addRow(tr("First name"), m_firstName);
    form->addRow(tr("Last name"), m_lastName);
    form->addRow(tr("Company"), m_company);
    form->addRow(tr("Email"), m_email);
    auto *numberButtons = new QHBoxLayout;
    numberButtons->addWidget(add);
    numberButtons->addWidget(remove);
    numberButtons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Phone numbers (entered as you would dial them; stored in the +32 format)"), this));
    layout->addWidget(m_numbers);
    layout->addLayout(numberButtons);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);

    if (m_contactId.isEmpty()) {
        setWindowTitle(tr("Create a new contact"));
        addNumberRow();
    } else {
        setWindowTitle(tr("Edit contact"));
        load();
    }
}

void ContactDialog::load()
{
    auto contact = m_store.contacts.get(m_contactId);
    if (!contact)
        return showError(contact.error().message);
    m_contact = *contact;
    m_firstName->setText(m_contact.firstName);
    m_lastName->setText(m_contact.lastName);
    m_company->setText(m_contact.company);
    m_email->setText(m_contact.email);
    for (const ContactNumber &n : m_contact.numbers)
        addNumberRow(n.label, PhoneNumbers::formatInternational(n.number));
}

int ContactDialog::addNumberRow(const QString &label, const QString &number)
{
    const int row = m_numbers->rowCount();
    m_numbers->insertRow(row);
    m_numbers->setItem(row, 0, new QTableWidgetItem(label));
    m_numbers->setItem(row, 1, new QTableWidgetItem(number));
    return row;
}

void ContactDialog::removeSelectedNumber()
{
    const int row = m_numbers->currentRow();
    if (row >= 0)
        m_numbers->removeRow(row);
}

QString ContactDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ContactDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ContactDialog::accept()
{
    Contact contact = m_contact;
    contact.firstName = m_firstName->text();
    contact.lastName = m_lastName->text();
    contact.company = m_company->text();
    contact.email = m_email->text();
    contact.numbers.clear();
    for (int r = 0; r < m_numbers->rowCount(); ++r) {
        const QString label = m_numbers->item(r, 0) ? m_numbers->item(r, 0)->text() : QString();
        const QString number = m_numbers->item(r, 1) ? m_numbers->item(r, 1)->text().trimmed() : QString();
        if (label.trimmed().isEmpty() && number.isEmpty())
            continue;
        contact.numbers.append({label, number});
    }
    if (Status valid = contact.normaliseAndValidate(); !valid)
        return showError(valid.error().message);
    if (m_contactId.isEmpty()) {
        auto created = m_store.contacts.create(contact);
        if (!created)
            return showError(created.error().message);
        m_contactId = created->id;
    } else if (Status updated = m_store.contacts.update(contact); !updated) {
        return showError(updated.error().message);
    }
    showError({});
    Q_EMIT contactSaved(m_contactId);
    QDialog::accept();
}

} // namespace centrale
