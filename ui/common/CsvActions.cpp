#include "common/CsvActions.h"

#include "bulk/ContactCsv.h"
#include "bulk/UserCsv.h"
#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "store/Store.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QToolBar>

namespace centrale {

CsvActions::CsvActions(Store &store, TablePanel *panel, CsvImportDialog::Kind kind, QObject *parent)
    : QObject(parent), m_store(store), m_panel(panel), m_kind(kind), m_import(new QAction(panel)), m_export(new QAction(panel))
{
    const QString prefix = kind == CsvImportDialog::Kind::Users ? QStringLiteral("users") : QStringLiteral("contacts");
    setObjectName(prefix + QStringLiteral("Csv"));
    m_import->setObjectName(prefix + QStringLiteral("Import"));
    m_export->setObjectName(prefix + QStringLiteral("Export"));
    m_panel->toolBar()->addAction(m_import);
    m_panel->toolBar()->addAction(m_export);
    connect(m_import, &QAction::triggered, this, &CsvActions::chooseImportFile);
    connect(m_export, &QAction::triggered, this, &CsvActions::chooseExportFile);
    m_panel->installEventFilter(this);
    retranslate();
}

CsvActions::~CsvActions()
{
    if (m_exporter)
        m_exporter->wait();
}

void CsvActions::chooseImportFile()
{
    auto *dialog = new QFileDialog(m_panel->window(), m_import->text(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                   tr("CSV files (*.csv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("csvImportFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CsvActions::importFile);
    dialog->open();
}

CsvImportDialog *CsvActions::importFile(const QString &path)
{
    auto *dialog = new CsvImportDialog(m_store.path(), m_kind, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CsvImportDialog::imported, this, [this] {
        m_panel->model()->reload();
        Q_EMIT changed();
    });
    dialog->open();
    dialog->start(path);
    return dialog;
}

void CsvActions::chooseExportFile()
{
    const QString name = m_kind == CsvImportDialog::Kind::Users ? tr("users.csv") : tr("contacts.csv");
    auto *dialog = new QFileDialog(m_panel->window(), m_export->text(),
                                   QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
                                   tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("csvExportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &CsvActions::exportFile);
    dialog->open();
}

void CsvActions::exportFile(const QString &path)
{
    if (m_exporting)
        return;
    m_exporting = true;
    m_exportProgress = new QProgressDialog(tr("Writing %1…").arg(QDir::toNativeSeparators(path)), QString(), 0, 0, m_panel->window());
    m_exportProgress->setObjectName(QStringLiteral("csvExportProgress"));
    m_exportProgress->setWindowTitle(m_export->text());
    m_exportProgress->setMinimumDuration(300);
    const QString storePath = m_store.path();
    const CsvImportDialog::Kind kind = m_kind;
    m_exporter = QThread::create([this, storePath, path, kind] {
        Store store;
        Status s = store.open(storePath);
        if (s)
            s = kind == CsvImportDialog::Kind::Users ? UserCsv(store).exportFile(path) : ContactCsv(store).exportFile(path);
        const QString error = s ? QString() : s.error().message;
        QMetaObject::invokeMethod(this, [this, path, error] {
            m_exporting = false;
            if (m_exportProgress)
                m_exportProgress->deleteLater();
            if (!error.isEmpty()) {
                auto *box = new QMessageBox(QMessageBox::Warning, m_export->text(), error, QMessageBox::Ok, m_panel->window());
                box->setObjectName(QStringLiteral("csvExportError"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            Q_EMIT exported(path, error);
        }, Qt::QueuedConnection);
    });
    connect(m_exporter, &QThread::finished, m_exporter, &QObject::deleteLater);
    m_exporter->start();
}

bool CsvActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void CsvActions::retranslate()
{
    if (m_kind == CsvImportDialog::Kind::Users) {
        m_import->setText(tr("Import users…"));
        m_import->setToolTip(tr("Create or update users from a CSV file; you see what would change before anything is written"));
        m_export->setText(tr("Export users…"));
        m_export->setToolTip(tr("Write every user to a CSV file that Excel and LibreOffice open"));
    } else {
        m_import->setText(tr("Import contacts…"));
        m_import->setToolTip(tr("Create or update contacts from a CSV file; you see what would change before anything is written"));
        m_export->setText(tr("Export contacts…"));
        m_export->setToolTip(tr("Write every contact to a CSV file that Excel and LibreOffice open"));
    }
}

} // namespace centrale
