#include "sync/LoginDialog.h"

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

LoginDialog::LoginDialog(SyncController &controller, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_intro(new QLabel(this)), m_server(new QLineEdit(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this)), m_forgot(new QPushButton(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_connect(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Connect to a server"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("Log in as an administrator of your organisation. This store then sends its changes to the server and "
                        "receives the changes made elsewhere."));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(QStringLiteral("https://centrale.example.be:8443"));
    m_server->setAccessibleName(tr("Server address"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("name@domain or +324…"));
    m_username->setAccessibleName(tr("Username or mobile number"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();
    m_forgot->setObjectName(QStringLiteral("forgotPassword"));
    m_forgot->setText(tr("Forgot password?"));
    m_forgot->setFlat(true);
    m_forgot->setAutoDefault(false);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setText(tr("Connect"));
    m_connect->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    auto *forgotRow = new QHBoxLayout;
    forgotRow->addWidget(m_forgot);
    forgotRow->addStretch();
    form->addRow(QString(), forgotRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    prefill(controller.lastServer(), controller.lastUsername());
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::connectToServer);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_forgot, &QPushButton::clicked, this, &LoginDialog::forgotPassword);
}

void LoginDialog::prefill(const QString &server, const QString &username, const QString &reason)
{
    if (!server.isEmpty())
        m_server->setText(server);
    if (!username.isEmpty())
        m_username->setText(username);
    m_error->setText(reason);
    m_error->setVisible(!reason.isEmpty());
}

QString LoginDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void LoginDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_username), static_cast<QWidget *>(m_password),
             static_cast<QWidget *>(m_connect), static_cast<QWidget *>(m_forgot)})
        w->setEnabled(!busy);
    m_connect->setText(busy ? tr("Connecting…") : tr("Connect"));
}

void LoginDialog::connectToServer()
{
    const QString server = m_server->text().trimmed();
    const QString username = m_username->text().trimmed();
    if (server.isEmpty() || username.isEmpty() || m_password->text().isEmpty()) {
        prefill({}, {}, tr("Give the server's address, your username and your password."));
        return;
    }
    setBusy(true);
    m_error->hide();
    QPointer<LoginDialog> self(this);
    m_controller.login(server, username, m_password->text(), [self](const SyncController::Answer &answer) {
        if (!self)
            return;
        self->setBusy(false);
        if (answer.ok) {
            self->m_password->clear();
            self->accept();
            return;
        }
        self->m_password->selectAll();
        self->prefill({}, {}, answer.message);
    });
}

void LoginDialog::forgotPassword()
{
    auto *dialog = new PasswordResetDialog(m_controller, m_server->text().trimmed(), m_username->text().trimmed(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace centrale
