#pragma once

#include "store/Store.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A fresh store in a temporary folder, for one test.
struct TestStore {
    QTemporaryDir dir;
    std::unique_ptr<centrale::Store> store = std::make_unique<centrale::Store>();

    QString path() const { return dir.filePath(QStringLiteral("test.sqlite")); }

    // Opens the store; with an organisation domaincustomer.be unless withOrganisation is false.
    bool open(bool withOrganisation = true)
    {
        if (!dir.isValid() || !store->open(path()))
            return false;
        if (!withOrganisation)
            return true;
        centrale::Organisation org;
        org.domain = QStringLiteral("domaincustomer.be");
        org.name = QStringLiteral("Domain Customer");
        if (!store->organisation.create(org))
            return false;
        store->refreshOrganisation();
        return true;
    }
};
