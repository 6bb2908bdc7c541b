#include "sync/PasswordResetDialog.h"

#include "sync/SyncController.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace centrale {

PasswordResetDialog::PasswordResetDialog(SyncController &controller, const QString &server, const QString &identifier, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_server(new QLineEdit(server, this)), m_identifier(new QLineEdit(identifier, this)),
      m_send(new QPushButton(tr("Send a code"), this)), m_message(new QLabel(this)), m_code(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_repeat(new QLineEdit(this)), m_set(new QPushButton(tr("Set the password"), this))
{
    setObjectName(QStringLiteral("passwordResetDialog"));
    setWindowTitle(tr("Forgot password"));
    auto *intro = new QLabel(tr("Give your username or registered mobile number: a code to choose a new password is sent to you "
                                "by email or SMS."),
        this);
    intro->setWordWrap(true);
    m_server->setObjectName(QStringLiteral("resetServer"));
    m_server->setAccessibleName(tr("Server address"));
    m_identifier->setObjectName(QStringLiteral("resetIdentifier"));
    m_identifier->setPlaceholderText(tr("name@domain or +324…"));
    m_identifier->setAccessibleName(tr("Username or mobile number"));
    m_send->setObjectName(QStringLiteral("sendCode"));
    m_message->setObjectName(QStringLiteral("resetMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_code->setObjectName(QStringLiteral("resetCode"));
    m_code->setAccessibleName(tr("Code received"));
    for (QLineEdit *e : {m_password, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_password->setAccessibleName(tr("New password"));
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setAccessibleName(tr("New password again"));
    m_set->setObjectName(QStringLiteral("setPassword"));

    auto *ask = new QFormLayout;
    ask->addRow(tr("&Server:"), m_server);
    ask->addRow(tr("&Username or mobile:"), m_identifier);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addStretch();
    ask->addRow(QString(), sendRow);
    auto *confirm = new QFormLayout;
    confirm->addRow(tr("&Code:"), m_code);
    confirm->addRow(tr("&New password:"), m_password);
    confirm->addRow(tr("&Again:"), m_repeat);
    auto *setRow = new QHBoxLayout;
    setRow->addWidget(m_set);
    setRow->addStretch();
    confirm->addRow(QString(), setRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(ask);
    layout->addWidget(m_message);
    layout->addLayout(confirm);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    connect(m_send, &QPushButton::clicked, this, &PasswordResetDialog::sendCode);
    connect(m_set, &QPushButton::clicked, this, &PasswordResetDialog::setPassword);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PasswordResetDialog::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void PasswordResetDialog::showMessage(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #d32f2f;") : QString());
    m_message->setVisible(!message.isEmpty());
}

void PasswordResetDialog::sendCode()
{
    if (m_identifier->text().trimmed().isEmpty()) {
        showMessage(tr("Give your username or mobile number."), true);
        return;
    }
    m_send->setEnabled(false);
    QPointer<PasswordResetDialog> self(this);
    m_controller.requestPasswordReset(
        m_server->text().trimmed(), m_identifier->text().trimmed(), [self](const SyncController::Answer &answer) {
            if (!self)
                return;
            self->m_send->setEnabled(true);
            self->showMessage(answer.message, !answer.ok);
        });
}

void PasswordResetDialog::setPassword()
{
    if (m_code->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showMessage(tr("Give the code you received and a new password."), true);
        return;
    }
    if (m_password->text() != m_repeat->text()) {
        showMessage(tr("The two passwords are not the same."), true);
        return;
    }
    m_set->setEnabled(false);
    QPointer<PasswordResetDialog> self(this);
    m_controller.confirmPasswordReset(
        m_server->text().trimmed(), m_code->text().trimmed(), m_password->text(), [self](const SyncController::Answer &answer) {
            if (!self)
                return;
            self->m_set->setEnabled(true);
            self->showMessage(answer.message, !answer.ok);
            if (answer.ok) {
                self->m_code->clear();
                self->m_password->clear();
                self->m_repeat->clear();
            }
        });
}

} // namespace centrale
