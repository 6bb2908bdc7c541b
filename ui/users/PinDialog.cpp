#include "users/PinDialog.h"

#include "security/Secrets.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace centrale {

PinDialog::PinDialog(Store &store, const QString &userId, QWidget *parent)
    : QDialog(parent), m_store(store), m_userId(userId), m_pin(new QLineEdit(this)), m_confirm(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Reset PIN"));
    // Digits only, as the phones' keypads type them.
    auto *digits = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), this);
    for (QLineEdit *edit : {m_pin, m_confirm}) {
        edit->setValidator(digits);
        edit->setInputMethodHints(Qt::ImhDigitsOnly);
    }
    m_pin->setObjectName(QStringLiteral("newPin"));
    m_confirm->setObjectName(QStringLiteral("confirmPin"));
    m_error->setObjectName(QStringLiteral("pinError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *intro = new QLabel(tr("The PIN is used on DECT phones and for free seating: 4 to 8 digits."), this);
    intro->setWordWrap(true);
    auto *generate = new QPushButton(tr("Generate a PIN"), this);
    generate->setObjectName(QStringLiteral("generatePin"));
    connect(generate, &QPushButton::clicked, this, [this] {
        const QString pin = Secrets::generatePin();
        m_pin->setEchoMode(QLineEdit::Normal);
        m_pin->setText(pin);
        m_confirm->setText(pin);
    });
    m_pin->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("New PIN"), m_pin);
    form->addRow(tr("Repeat the PIN"), m_confirm);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Reset PIN"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("resetPinButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PinDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(generate, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString PinDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PinDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PinDialog::accept()
{
    if (m_pin->text() != m_confirm->text())
        return showError(tr("The two PINs differ."));
    if (Status s = m_store.users.setPin(m_userId, m_pin->text()); !s)
        return showError(s.error().message);
    showError({});
    Q_EMIT pinReset(m_userId);
    QDialog::accept();
}

} // namespace centrale
