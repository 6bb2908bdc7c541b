#include "phones/PhonesPage.h"

#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "devices/PhoneProvisioning.h"
#include "devices/RendererRegistry.h"
#include "phones/KeyDialog.h"
#include "phones/KeyTemplatesDialog.h"
#include "phones/PhoneDetail.h"
#include "phones/ReloadResultsDialog.h"
#include "store/Store.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace centrale {

PhonesPage::PhonesPage(
    Store &store, TablePanel *panel, PhoneDetail *detail, PhoneReloader &reloader, QString provisioningDirectory, QObject *parent)
    : QObject(parent), m_store(store), m_panel(panel), m_detail(detail), m_reloader(reloader),
      m_directory(std::move(provisioningDirectory)), m_registry(RendererRegistry::withKnownVendors()), m_menu(new QMenu(panel)),
      m_saveAndReload(new QAction(panel)), m_applyKey(new QAction(panel)), m_applyTemplate(new QAction(panel)),
      m_templates(new QAction(panel)), m_showFile(new QAction(panel))
{
    setObjectName(QStringLiteral("phonesPage"));
    m_saveAndReload->setObjectName(QStringLiteral("saveAndReload"));
    m_saveAndReload->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    m_saveAndReload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_saveAndReload->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_applyKey->setObjectName(QStringLiteral("applyKey"));
    m_applyTemplate->setObjectName(QStringLiteral("applyTemplate"));
    m_templates->setObjectName(QStringLiteral("keyTemplates"));
    m_showFile->setObjectName(QStringLiteral("showProvisioningFile"));
    for (QAction *a : {m_saveAndReload, m_applyKey, m_applyTemplate, m_templates, m_showFile})
        m_panel->toolBar()->addAction(a);
    m_panel->addAction(m_saveAndReload);
    m_menu->setObjectName(QStringLiteral("phoneMenu"));
    m_menu->addAction(m_saveAndReload);
    m_menu->addSeparator();
    m_menu->addAction(m_applyKey);
    m_menu->addAction(m_applyTemplate);
    m_menu->addSeparator();
    m_menu->addAction(m_showFile);

    m_panel->setMultiSelection(true);
    m_panel->table()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_panel->table(), &QWidget::customContextMenuRequested, this,
        [this](const QPoint &pos) { m_menu->popup(m_panel->table()->viewport()->mapToGlobal(pos)); });
    connect(m_saveAndReload, &QAction::triggered, this, &PhonesPage::saveAndReloadSelected);
    connect(m_applyKey, &QAction::triggered, this, &PhonesPage::applyKeyToSelected);
    connect(m_applyTemplate, &QAction::triggered, this, &PhonesPage::applyTemplateToSelected);
    connect(m_templates, &QAction::triggered, this, &PhonesPage::openKeyTemplates);
    connect(m_showFile, &QAction::triggered, this, &PhonesPage::showProvisioningFile);
    connect(m_panel->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PhonesPage::updateActions);
    connect(m_panel, &TablePanel::currentChanged, this, &PhonesPage::updateActions);
    connect(m_panel, &TablePanel::currentChanged, m_detail, &PhoneDetail::setPhone);
    connect(m_detail, &PhoneDetail::phoneChanged, this, &PhonesPage::refresh);
    m_panel->installEventFilter(this);
    retranslate();
}

PhonesPage::~PhonesPage() = default;

QStringList PhonesPage::selectedIds() const
{
    QStringList ids = m_panel->selectedIds();
    if (ids.isEmpty() && !m_panel->selectedId().isEmpty())
        ids << m_panel->selectedId();
    return ids;
}

QProgressDialog *PhonesPage::progressDialog() const
{
    return m_progress;
}

ReloadResultsDialog *PhonesPage::resultsDialog() const
{
    return m_results;
}

PhoneReloadQueue *PhonesPage::saveAndReloadSelected()
{
    return reloadPhones(selectedIds());
}

PhoneReloadQueue *PhonesPage::reloadPhones(const QStringList &phoneIds)
{
    if (phoneIds.isEmpty() || (m_queue && m_queue->isRunning()))
        return nullptr;
    // Every key change is already in the store; what remains is to send it to the phones.
    auto *queue = new PhoneReloadQueue(m_store, *m_registry, m_reloader, m_directory, this);
    m_queue = queue;
    auto *progress = new QProgressDialog(m_panel->window());
    m_progress = progress;
    progress->setObjectName(QStringLiteral("reloadProgress"));
    progress->setWindowTitle(tr("Save and reload"));
    progress->setLabelText(tr("Sending the settings to %n phone(s)…", nullptr, int(phoneIds.size())));
    progress->setCancelButtonText(tr("Cancel"));
    progress->setRange(0, int(phoneIds.size()));
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setWindowModality(Qt::WindowModal);
    connect(progress, &QProgressDialog::canceled, queue, &PhoneReloadQueue::cancel);
    connect(queue, &PhoneReloadQueue::progress, progress, [progress](int done, int total) {
        progress->setValue(done);
        //: progress of "Save and reload": %1 phones done out of %2
        progress->setLabelText(tr("Phone %1 of %2: sending the settings…").arg(qMin(done + 1, total)).arg(total));
    });
    connect(queue, &PhoneReloadQueue::finished, this, [this, queue, progress](const QList<PhoneReloadOutcome> &outcomes) {
        progress->hide();
        progress->deleteLater();
        queue->deleteLater();
        refresh();
        showResults(outcomes);
    });
    progress->setValue(0);
    progress->show();
    queue->start(phoneIds);
    updateActions();
    return queue;
}

void PhonesPage::showResults(const QList<PhoneReloadOutcome> &outcomes)
{
    QHash<QString, QString> owners;
    for (const PhoneReloadOutcome &o : outcomes) {
        if (auto phone = m_store.phones.get(o.phoneId); phone)
            owners.insert(o.phoneId, phone->ownerName);
    }
    auto *dialog = new ReloadResultsDialog(outcomes, owners, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_results = dialog;
    dialog->open();
}

KeyDialog *PhonesPage::applyKeyToSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return nullptr;
    // Offer the keys every selected phone has.
    int maxIndex = KeyTemplate::MaxKeys;
    for (const QString &id : ids) {
        if (auto phone = m_store.phones.get(id); phone)
            maxIndex = qMin(maxIndex, SipPhone::keyCount(phone->model));
    }
    auto *dialog = new KeyDialog(m_store, 0, maxIndex, true, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Program a key on %n phone(s)", nullptr, int(ids.size())));
    int index = m_detail->selectedKeyIndex();
    PhoneKey k;
    k.index = qBound(1, index, qMax(1, maxIndex));
    k.type = PhoneKey::Type::Extension;
    dialog->setKey(k);
    connect(dialog, &QDialog::accepted, this, [this, dialog, ids] { applyKey(ids, dialog->key(), dialog->inherit()); });
    dialog->open();
    return dialog;
}

bool PhonesPage::applyKey(const QStringList &phoneIds, const PhoneKey &key, bool inherit)
{
    const Status s
        = m_store.phones.applyKey(phoneIds, key, inherit ? PhoneRepository::KeyChange::Inherit : PhoneRepository::KeyChange::Set);
    if (!s) {
        showError(s.error().message);
        return false;
    }
    refresh();
    return true;
}

QInputDialog *PhonesPage::applyTemplateToSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return nullptr;
    auto templates = m_store.templates.list();
    if (!templates) {
        showError(templates.error().message);
        return nullptr;
    }
    if (templates->isEmpty()) {
        showError(tr("There is no key template yet: create one with \"Key templates…\"."));
        return nullptr;
    }
    QStringList names;
    for (const KeyTemplate &t : std::as_const(*templates))
        names << t.name;
    auto *dialog = new QInputDialog(m_panel->window());
    dialog->setObjectName(QStringLiteral("chooseTemplate"));
    dialog->setWindowTitle(tr("Copy a template's keys"));
    dialog->setLabelText(tr("Program the keys of this template on the %n selected phone(s), as their own keys:", nullptr, int(ids.size())));
    dialog->setComboBoxItems(names);
    dialog->setOkButtonText(tr("Copy the keys"));
    dialog->setCancelButtonText(tr("Cancel"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<KeyTemplate> list = *templates;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, ids, list](const QString &name) {
        for (const KeyTemplate &t : list) {
            if (t.name == name)
                applyTemplate(ids, t.id);
        }
    });
    dialog->open();
    return dialog;
}

bool PhonesPage::applyTemplate(const QStringList &phoneIds, const QString &templateId)
{
    auto keyTemplate = m_store.templates.get(templateId);
    if (!keyTemplate) {
        showError(keyTemplate.error().message);
        return false;
    }
    QHash<QString, int> keyCounts;
    for (const QString &id : phoneIds) {
        auto phone = m_store.phones.get(id);
        if (!phone) {
            showError(phone.error().message);
            return false;
        }
        keyCounts.insert(id, SipPhone::keyCount(phone->model));
    }
    // All phones and keys change, or none: one transaction around the keys' changes.
    const Status s = m_store.database().transaction([&]() -> Status {
        for (const PhoneKey &k : std::as_const(keyTemplate->keys)) {
            QStringList having; // the phones whose model has that key
            for (const QString &id : phoneIds) {
                if (k.index <= keyCounts.value(id))
                    having << id;
            }
            if (having.isEmpty())
                continue;
            if (Status w = m_store.phones.applyKey(having, k, PhoneRepository::KeyChange::Set); !w)
                return w;
        }
        return {};
    });
    if (!s) {
        showError(s.error().message);
        return false;
    }
    refresh();
    return true;
}

KeyTemplatesDialog *PhonesPage::openKeyTemplates()
{
    auto *dialog = new KeyTemplatesDialog(m_store, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyTemplatesDialog::changed, this, &PhonesPage::refresh);
    dialog->open();
    return dialog;
}

QDialog *PhonesPage::showProvisioningFile()
{
    const QString id = m_panel->selectedId();
    if (id.isEmpty())
        return nullptr;
    auto phone = m_store.phones.get(id);
    if (!phone) {
        showError(phone.error().message);
        return nullptr;
    }
    auto file = PhoneProvisioning(m_store, *m_registry).render(*phone);
    if (!file) {
        showError(file.error().message);
        return nullptr;
    }
    auto *dialog = new QDialog(m_panel->window());
    dialog->setObjectName(QStringLiteral("provisioningFile"));
    //: %1 the file's name, e.g. 000413AABBCC.xml
    dialog->setWindowTitle(tr("Provisioning file %1").arg(file->fileName));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *intro = new QLabel(tr("What %1 (%2) receives when it reloads its settings, in %3's format.")
                                 .arg(SipPhone::formatMac(phone->mac), phone->model, file->vendor),
        dialog);
    intro->setWordWrap(true);
    auto *text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("provisioningText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(QString::fromUtf8(file->content));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::accept);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(text, 1);
    layout->addWidget(buttons);
    dialog->resize(720, 520);
    dialog->open();
    return dialog;
}

void PhonesPage::refresh()
{
    const QString current = m_panel->selectedId();
    const QStringList selected = m_panel->selectedIds();
    m_panel->model()->reload();
    m_panel->selectId(current);
    if (selected.size() > 1)
        m_panel->selectIds(selected);
    m_detail->setPhone(m_panel->selectedId());
    updateActions();
    Q_EMIT changed();
}

void PhonesPage::showError(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("SIP phones"), text, QMessageBox::Ok, m_panel->window());
    box->setObjectName(QStringLiteral("phonesMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void PhonesPage::updateActions()
{
    const int selected = int(selectedIds().size());
    const bool busy = m_queue && m_queue->isRunning();
    m_saveAndReload->setEnabled(selected > 0 && !busy);
    m_applyKey->setEnabled(selected > 0);
    m_applyTemplate->setEnabled(selected > 0);
    m_showFile->setEnabled(!m_panel->selectedId().isEmpty());
}

bool PhonesPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void PhonesPage::retranslate()
{
    //: The portal's button: saves the keys and has the phone reload its settings
    m_saveAndReload->setText(tr("Save and reload"));
    m_saveAndReload->setToolTip(tr("Send the selected phones their settings and ask them to reload"));
    m_applyKey->setText(tr("Program a key…"));
    m_applyKey->setToolTip(tr("Program one key on every selected phone"));
    m_applyTemplate->setText(tr("Copy a template's keys…"));
    m_applyTemplate->setToolTip(tr("Program a key template's keys on every selected phone"));
    m_templates->setText(tr("Key templates…"));
    m_templates->setToolTip(tr("Sets of keys that the phones of a user group's members inherit"));
    m_showFile->setText(tr("Show provisioning file…"));
    m_showFile->setToolTip(tr("The selected phone's settings file, as the phone receives it"));
    updateActions();
}

} // namespace centrale
