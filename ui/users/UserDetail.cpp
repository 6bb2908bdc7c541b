#include "users/UserDetail.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace centrale {

UserDetail::UserDetail(Store &store, QWidget *parent)
    : QWidget(parent), m_store(store), m_title(new QLabel(this)), m_summary(new QLabel(this)), m_settingsTitle(new QLabel(this)),
      m_settings(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("userDetail"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_settingsTitle->setFont(bold);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settings->setObjectName(QStringLiteral("effectiveSettings"));
    m_settings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_settings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_settings->verticalHeader()->setVisible(false);
    // The three columns share the pane's width: where each value comes from must stay visible.
    m_settings->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_settings->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_settingsTitle);
    layout->addWidget(m_settings, 1);
    refresh();
}

void UserDetail::setUser(const QString &userId)
{
    m_userId = userId;
    refresh();
}

void UserDetail::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void UserDetail::refresh()
{
    m_settingsTitle->setText(tr("Service settings that apply"));
    m_settings->setHorizontalHeaderLabels({tr("Setting"), tr("Value"), tr("Comes from")});
    m_settings->setAccessibleName(tr("Service settings that apply"));
    m_settings->setRowCount(0);
    auto user = m_userId.isEmpty() ? Result<User>(Error{ErrorCode::NotFound, {}, {}}) : m_store.users.get(m_userId);
    if (!user) {
        m_title->setText(tr("No user selected"));
        m_summary->setText(user.error().message);
        return;
    }
    m_title->setText(QStringLiteral("%1 — %2").arg(user->displayName(), user->username));

    auto groupNames = m_store.groups.names();
    QStringList groups;
    for (const QString &gid : user->groupIds)
        groups << (groupNames ? groupNames->value(gid) : gid);
    QStringList phones;
    if (auto list = m_store.phones.list({}, user->id); list) {
        for (const SipPhone &p : *list)
            phones << QStringLiteral("%1 (%2)").arg(p.model, SipPhone::formatMac(p.mac));
    }
    const QString none = tr("(none)");
    auto orNone = [&none](const QString &text) { return text.isEmpty() ? none : text.toHtmlEscaped(); };
    m_summary->setText(QStringLiteral("<table><tr><td>%1&nbsp;</td><td>%2</td></tr><tr><td>%3&nbsp;</td><td>%4</td></tr>"
                                      "<tr><td>%5&nbsp;</td><td>%6</td></tr><tr><td>%7&nbsp;</td><td>%8</td></tr>"
                                      "<tr><td>%9&nbsp;</td><td>%10</td></tr></table>")
                           .arg(tr("Direct number:"), orNone(PhoneNumbers::formatInternational(user->directNumber)), tr("Mobile number:"),
                                orNone(PhoneNumbers::formatInternational(user->mobile)), tr("Email:"), orNone(user->email),
                                tr("User groups:"), orNone(groups.join(QStringLiteral(", "))), tr("Desk phones:"))
                           .arg(orNone(phones.join(QStringLiteral(", ")))));

    auto effective = m_store.users.effectiveSettings(user->id);
    if (!effective) {
        m_summary->setText(m_summary->text() + QStringLiteral("<p>") + effective.error().message.toHtmlEscaped() + QStringLiteral("</p>"));
        return;
    }
    m_settings->setRowCount(static_cast<int>(effective->size()));
    for (int r = 0; r < effective->size(); ++r) {
        const EffectiveSetting &e = effective->at(r);
        m_settings->setItem(r, 0, new QTableWidgetItem(ServiceSettings::label(e.key)));
        m_settings->setItem(r, 1, new QTableWidgetItem(e.display));
        m_settings->setItem(r, 2, new QTableWidgetItem(EffectiveSetting::sourceLabel(e.source, e.sourceName)));
    }
    m_settings->resizeRowsToContents();
}

} // namespace centrale
