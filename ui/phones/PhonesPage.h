#pragma once

#include "devices/PhoneReloadQueue.h"
#include "domain/SipPhone.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;
class QDialog;
class QInputDialog;
class QMenu;
class QProgressDialog;

namespace centrale {

class KeyDialog;
class KeyTemplatesDialog;
class PhoneDetail;
class PhoneReloader;
class ReloadResultsDialog;
class RendererRegistry;
class Store;
class TablePanel;

// Devices › SIP phones: the list's actions. "Save and reload" sends the selected phones their
// settings and says what happened to each one; several phones can be selected to program one key
// or copy a key template's keys on all of them at once; key templates are managed in their own
// window; the provisioning file of a phone can be read as the phone will receive it.
class PhonesPage final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhonesPage)
public:
    PhonesPage(Store &store, TablePanel *panel, PhoneDetail *detail, PhoneReloader &reloader, QString provisioningDirectory,
        QObject *parent = nullptr);
    ~PhonesPage() override;

    // The selected phones, or the current one.
    QStringList selectedIds() const;

    // Writes the phones' provisioning files and asks each phone to reload them, with a progress
    // window (Cancel stops after the phone in flight), then the outcome of each phone.
    PhoneReloadQueue *reloadPhones(const QStringList &phoneIds);
    PhoneReloadQueue *saveAndReloadSelected();
    PhoneReloadQueue *reloadQueue() const { return m_queue; }
    // The progress window of the reload in flight, and the outcome window of the last one.
    QProgressDialog *progressDialog() const;
    ReloadResultsDialog *resultsDialog() const;

    // One key on every selected phone (asks which key and what it does).
    KeyDialog *applyKeyToSelected();
    bool applyKey(const QStringList &phoneIds, const PhoneKey &key, bool inherit);
    // A key template's keys copied on every selected phone (asks which template).
    QInputDialog *applyTemplateToSelected();
    bool applyTemplate(const QStringList &phoneIds, const QString &templateId);

    KeyTemplatesDialog *openKeyTemplates();
    QDialog *showProvisioningFile();

    QAction *saveAndReloadAction() const { return m_saveAndReload; }
    QAction *applyKeyAction() const { return m_applyKey; }
    QAction *applyTemplateAction() const { return m_applyTemplate; }
    QAction *templatesAction() const { return m_templates; }
    QAction *showFileAction() const { return m_showFile; }
    QMenu *contextMenu() const { return m_menu; }

Q_SIGNALS:
    // Phones or templates changed in the store.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateActions();
    void refresh();
    void showError(const QString &text);
    void showResults(const QList<PhoneReloadOutcome> &outcomes);

    Store &m_store;
    TablePanel *m_panel;
    PhoneDetail *m_detail;
    PhoneReloader &m_reloader;
    QString m_directory;
    std::unique_ptr<RendererRegistry> m_registry;
    QPointer<PhoneReloadQueue> m_queue;
    QPointer<QProgressDialog> m_progress;
    QPointer<ReloadResultsDialog> m_results;
    QMenu *m_menu;
    QAction *m_saveAndReload;
    QAction *m_applyKey;
    QAction *m_applyTemplate;
    QAction *m_templates;
    QAction *m_showFile;
};

} // namespace centrale
