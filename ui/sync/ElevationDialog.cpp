#include "sync/ElevationDialog.h"

#include "sync/SyncController.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace centrale {

ElevationDialog::ElevationDialog(SyncController &controller, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_password(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("elevationDialog"));
    setWindowTitle(tr("Password needed"));
    auto *intro = new QLabel(tr("For your organisation's safety, the administrator view asks for your password again after a few "
                                "minutes without use, as the portal does. Give the password of %1 to go on syncing.")
                                 .arg(controller.settings().username),
        this);
    intro->setWordWrap(true);
    m_password->setObjectName(QStringLiteral("elevationPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_error->setObjectName(QStringLiteral("elevationError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f;"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Continue"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    connect(buttons, &QDialogButtonBox::accepted, this, &ElevationDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ElevationDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ElevationDialog::confirm()
{
    if (m_password->text().isEmpty())
        return;
    m_ok->setEnabled(false);
    QPointer<ElevationDialog> self(this);
    m_controller.elevate(m_password->text(), [self](const SyncController::Answer &answer) {
        if (!self)
            return;
        self->m_ok->setEnabled(true);
        if (answer.ok) {
            self->m_password->clear();
            self->accept();
            return;
        }
        self->m_error->setText(answer.message);
        self->m_error->show();
        self->m_password->selectAll();
    });
}

} // namespace centrale
