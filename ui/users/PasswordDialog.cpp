#include "users/PasswordDialog.h"

#include "security/Secrets.h"
#include "store/Store.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace centrale {

PasswordDialog::PasswordDialog(Store &store, const QString &userId, QWidget *parent)
    : QDialog(parent), m_store(store), m_userId(userId), m_generate(new QRadioButton(tr("Generate a password"), this)),
      m_choose(new QRadioButton(tr("Choose the password"), this)), m_generated(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    setWindowTitle(tr("Reset password"));
    m_generate->setObjectName(QStringLiteral("generatePassword"));
    m_choose->setObjectName(QStringLiteral("choosePassword"));
    m_generated->setObjectName(QStringLiteral("generatedPassword"));
    m_generated->setReadOnly(true);
    m_generated->setText(Secrets::generatePassword());
    m_generated->setAccessibleName(tr("Generated password"));
    QFont mono = m_generated->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_generated->setFont(mono);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("passwordError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *another = new QPushButton(tr("Generate another"), this);
    another->setObjectName(QStringLiteral("generateAnother"));
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("copyPassword"));
    connect(another, &QPushButton::clicked, this, [this] { m_generated->setText(Secrets::generatePassword()); });
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_generated->text()); });

    QString username;
    if (auto user = m_store.users.get(userId); user)
        username = user->username;
    auto *intro = new QLabel(tr("The password of %1 is used for the web portal and the PC application. Centrale keeps only a "
                                "protected form of it, sent to the server at the next synchronisation: note the password now "
                                "to give it to the user.")
                                 .arg(username),
                             this);
    intro->setWordWrap(true);

    auto *generatedRow = new QHBoxLayout;
    generatedRow->addWidget(m_generated, 1);
    generatedRow->addWidget(another);
    generatedRow->addWidget(copy);
    auto *form = new QFormLayout;
    form->addRow(tr("New password"), m_password);
    form->addRow(tr("Repeat the password"), m_confirm);
    auto *rules = new QLabel(tr("At least 10 characters, with a letter and a digit."), this);
    rules->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Reset password"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("resetPasswordButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_generate);
    layout->addLayout(generatedRow);
    layout->addWidget(m_choose);
    layout->addLayout(form);
    layout->addWidget(rules);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_generate->setChecked(true);
    connect(m_generate, &QRadioButton::toggled, this, &PasswordDialog::updateMode);
    updateMode();
}

void PasswordDialog::updateMode()
{
    const bool generate = m_generate->isChecked();
    m_generated->setEnabled(generate);
    m_password->setEnabled(!generate);
    m_confirm->setEnabled(!generate);
}

QString PasswordDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PasswordDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PasswordDialog::accept()
{
    QString password = m_generated->text();
    if (m_choose->isChecked()) {
        if (m_password->text() != m_confirm->text())
            return showError(tr("The two passwords differ."));
        password = m_password->text();
    }
    if (Status s = m_store.users.resetPassword(m_userId, password); !s)
        return showError(s.error().message);
    showError({});
    Q_EMIT passwordReset(m_userId);
    QDialog::accept();
}

} // namespace centrale
