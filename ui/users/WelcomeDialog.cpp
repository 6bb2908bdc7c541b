#include "users/WelcomeDialog.h"

#include "domain/WelcomeMessage.h"
#include "store/Store.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace centrale {

WelcomeDialog::WelcomeDialog(Store &store, const QStringList &userIds, QWidget *parent)
    : QDialog(parent), m_store(store), m_userIds(userIds), m_pages(new QStackedWidget(this)),
      m_web(new QCheckBox(WelcomeMessage::channelLabel(WelcomeMessage::Channel::Web), this)),
      m_mobile(new QCheckBox(WelcomeMessage::channelLabel(WelcomeMessage::Channel::Mobile), this)),
      m_softphone(new QCheckBox(WelcomeMessage::channelLabel(WelcomeMessage::Channel::Softphone), this)), m_error(new QLabel(this)),
      m_summary(new QLabel(this)), m_status(new QTableWidget(0, 3, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome message"));
    m_web->setObjectName(QStringLiteral("welcomeWeb"));
    m_mobile->setObjectName(QStringLiteral("welcomeMobile"));
    m_softphone->setObjectName(QStringLiteral("welcomeSoftphone"));
    m_web->setToolTip(tr("How to sign in to the web portal"));
    m_mobile->setToolTip(tr("Where to download the smartphone app and how to set it up"));
    m_softphone->setToolTip(tr("Where to download the PC softphone and how to set it up"));
    m_error->setObjectName(QStringLiteral("welcomeError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *choose = new QWidget(m_pages);
    auto *intro = new QLabel(m_userIds.size() == 1 ? tr("Select one or more accesses. The message tells the user how to sign in or "
                                                        "install the application, with the username and a link to choose a password.")
                                                   : tr("Select one or more accesses for the %n selected user(s). The message tells "
                                                        "each user how to sign in or install the application, with the username and a "
                                                        "link to choose a password.",
                                                        nullptr, int(m_userIds.size())),
                             choose);
    intro->setWordWrap(true);
    auto *chooseLayout = new QVBoxLayout(choose);
    chooseLayout->addWidget(intro);
    chooseLayout->addWidget(m_web);
    chooseLayout->addWidget(m_mobile);
    chooseLayout->addWidget(m_softphone);
    chooseLayout->addWidget(m_error);
    chooseLayout->addStretch(1);

    auto *status = new QWidget(m_pages);
    m_summary->setObjectName(QStringLiteral("welcomeSummary"));
    m_summary->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    m_status->setHorizontalHeaderLabels({tr("User"), tr("Access"), tr("Status")});
    m_status->horizontalHeader()->setStretchLastSection(true);
    m_status->verticalHeader()->setVisible(false);
    m_status->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *statusLayout = new QVBoxLayout(status);
    statusLayout->addWidget(m_summary);
    statusLayout->addWidget(m_status, 1);
    m_pages->addWidget(choose);
    m_pages->addWidget(status);

    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("welcomeOk"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &WelcomeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &WelcomeDialog::reject);
    for (QCheckBox *box : {m_web, m_mobile, m_softphone})
        connect(box, &QCheckBox::toggled, this, &WelcomeDialog::updateOk);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);
    resize(560, 360);
    updateOk();
}

void WelcomeDialog::updateOk()
{
    if (!m_done)
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_web->isChecked() || m_mobile->isChecked() || m_softphone->isChecked());
}

QString WelcomeDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void WelcomeDialog::accept()
{
    if (m_done)
        return QDialog::accept();
    QList<WelcomeMessage::Channel> channels;
    if (m_web->isChecked())
        channels << WelcomeMessage::Channel::Web;
    if (m_mobile->isChecked())
        channels << WelcomeMessage::Channel::Mobile;
    if (m_softphone->isChecked())
        channels << WelcomeMessage::Channel::Softphone;
    auto deliveries = m_store.users.requestWelcome(m_userIds, channels);
    if (!deliveries) {
        m_error->setText(deliveries.error().message);
        m_error->show();
        return;
    }
    int queued = 0;
    m_status->setRowCount(int(deliveries->size()));
    for (int r = 0; r < deliveries->size(); ++r) {
        const WelcomeMessage::Delivery &d = deliveries->at(r);
        QString text;
        switch (d.via) {
        case WelcomeMessage::Via::Email: text = tr("Queued: by email to %1").arg(d.address); break;
        case WelcomeMessage::Via::Sms: text = tr("Queued: by SMS to %1").arg(d.address); break;
        case WelcomeMessage::Via::None: text = tr("Not sent: %1").arg(d.problem); break;
        }
        if (d.via != WelcomeMessage::Via::None)
            ++queued;
        m_status->setItem(r, 0, new QTableWidgetItem(d.userName));
        m_status->setItem(r, 1, new QTableWidgetItem(WelcomeMessage::channelLabel(d.channel)));
        auto *item = new QTableWidgetItem(text);
        if (d.via == WelcomeMessage::Via::None)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        m_status->setItem(r, 2, item);
    }
    m_status->resizeColumnsToContents();
    const int failed = int(deliveries->size()) - queued;
    QString summary = tr("%n message(s) queued. They are sent when Centrale is connected to the server; until then they wait "
                         "with the other changes.",
                         nullptr, queued);
    if (failed > 0)
        summary += QLatin1Char(' ') + tr("%n message(s) cannot be sent.", nullptr, failed);
    m_summary->setText(summary);
    m_done = true;
    m_pages->setCurrentIndex(1);
    m_buttons->button(QDialogButtonBox::Cancel)->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Close"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    Q_EMIT requested(queued);
}

} // namespace centrale
