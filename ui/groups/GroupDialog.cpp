#include "groups/GroupDialog.h"

#include "store/Store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace centrale {

GroupDialog::GroupDialog(Store &store, const QString &groupId, QWidget *parent)
    : QDialog(parent), m_store(store), m_groupId(groupId), m_name(new QLineEdit(this)), m_description(new QLineEdit(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("groupDialog"));
    setWindowTitle(groupId.isEmpty() ? tr("New user group") : tr("Edit user group"));
    m_name->setObjectName(QStringLiteral("groupName"));
    m_name->setMaxLength(80);
    m_description->setObjectName(QStringLiteral("groupDescription"));
    m_description->setMaxLength(500);
    m_error->setObjectName(QStringLiteral("groupError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);

    auto *settingsBox = new QGroupBox(tr("Group settings"), this);
    auto *settingsForm = new QFormLayout(settingsBox);
    for (ServiceSettings::Key key : ServiceSettings::keys()) {
        const QString keyName = ServiceSettings::keyName(key);
        Row row;
        //: A setting not set on the group: the organisation's value applies.
        row.inherited = new QCheckBox(tr("Inherited"), settingsBox);
        row.inherited->setObjectName(QStringLiteral("inherited_") + keyName);
        row.inherited->setChecked(true);
        switch (key) {
        case ServiceSettings::Key::NoAnswerSeconds: {
            auto *spin = new QSpinBox(settingsBox);
            spin->setRange(5, 120);
            spin->setValue(20);
            row.editor = spin;
            break;
        }
        case ServiceSettings::Key::CallerId: {
            auto *combo = new QComboBox(settingsBox);
            for (auto id : {ServiceSettings::CallerId::OwnNumber, ServiceSettings::CallerId::MainNumber, ServiceSettings::CallerId::Hidden})
                combo->addItem(ServiceSettings::callerIdLabel(id), static_cast<int>(id));
            row.editor = combo;
            break;
        }
        default:
            //: Check box of a yes/no service setting.
            row.editor = new QCheckBox(tr("On"), settingsBox);
            break;
        }
        row.editor->setObjectName(QStringLiteral("value_") + keyName);
        row.editor->setEnabled(false);
        connect(row.inherited, &QCheckBox::toggled, row.editor, &QWidget::setDisabled);
        auto *line = new QHBoxLayout;
        line->addWidget(row.inherited);
        line->addWidget(row.editor, 1);
        settingsForm->addRow(ServiceSettings::label(key), line);
        m_rows.insert(static_cast<int>(key), row);
    }

    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GroupDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GroupDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(settingsBox);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    load();
}

void GroupDialog::load()
{
    if (m_groupId.isEmpty())
        return;
    auto group = m_store.groups.get(m_groupId);
    if (!group) {
        showError(group.error().message);
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_name->setText(group->name);
    m_description->setText(group->description);
    for (ServiceSettings::Key key : ServiceSettings::keys()) {
        const QVariant v = group->settings.get(key);
        const Row &row = m_rows[static_cast<int>(key)];
        row.inherited->setChecked(v.isNull());
        if (v.isNull())
            continue;
        if (auto *spin = qobject_cast<QSpinBox *>(row.editor))
            spin->setValue(v.toInt());
        else if (auto *combo = qobject_cast<QComboBox *>(row.editor))
            combo->setCurrentIndex(combo->findData(v.toInt()));
        else if (auto *check = qobject_cast<QCheckBox *>(row.editor))
            check->setChecked(v.toBool());
    }
}

ServiceSettings GroupDialog::settings() const
{
    ServiceSettings s;
    auto row = [this](ServiceSettings::Key key) -> const Row & { return *m_rows.find(static_cast<int>(key)); };
    auto boolValue = [&](ServiceSettings::Key key) -> std::optional<bool> {
        const Row &r = row(key);
        if (r.inherited->isChecked())
            return std::nullopt;
        return static_cast<QCheckBox *>(r.editor)->isChecked();
    };
    s.voicemail = boolValue(ServiceSettings::Key::Voicemail);
    s.internationalCalls = boolValue(ServiceSettings::Key::InternationalCalls);
    s.callRecording = boolValue(ServiceSettings::Key::CallRecording);
    if (const Row &r = row(ServiceSettings::Key::NoAnswerSeconds); !r.inherited->isChecked())
        s.noAnswerSeconds = static_cast<QSpinBox *>(r.editor)->value();
    if (const Row &r = row(ServiceSettings::Key::CallerId); !r.inherited->isChecked())
        s.callerId = static_cast<ServiceSettings::CallerId>(static_cast<QComboBox *>(r.editor)->currentData().toInt());
    return s;
}

QString GroupDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void GroupDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void GroupDialog::accept()
{
    const ServiceSettings s = settings();
    if (Status valid = s.validate(); !valid)
        return showError(valid.error().message);
    UserGroup group;
    if (!m_groupId.isEmpty()) {
        auto current = m_store.groups.get(m_groupId);
        if (!current)
            return showError(current.error().message);
        group = *current;
    }
    group.name = m_name->text();
    group.description = m_description->text().trimmed();
    group.settings = s;
    QString id = m_groupId;
    if (m_groupId.isEmpty()) {
        auto created = m_store.groups.create(group);
        if (!created)
            return showError(created.error().message);
        id = created->id;
    } else if (Status updated = m_store.groups.update(group); !updated) {
        return showError(updated.error().message);
    }
    showError({});
    m_groupId = id;
    Q_EMIT groupSaved(id);
    QDialog::accept();
}

} // namespace centrale
