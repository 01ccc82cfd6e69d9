// GENERATED FILE: do not edit. Generated from schemas/*.json by `npm run generate:types`
// (scripts/generate-types.js).

/** Generated from schemas/instanceOrg.json. */

export interface InstanceOrg {
  creationDate?: string;
  lastUpdated?: string;
  name: string;
  id?: string;
  orgId?: string;
  instanceId?: string;
  description?: string;
  iconColor?: string;
  limits?: {
    apitoken?: number;
    application?: number;
    applicationcertificate?: number;
    applicationcertificateauthority?: number;
    applicationkey?: number;
    credential?: number;
    dashboard?: number;
    datatable?: number;
    device?: number;
    devicerecipe?: number;
    experiencedomain?: number;
    experienceendpoint?: number;
    experiencegroup?: number;
    experienceslug?: number;
    experienceuser?: number;
    experienceversion?: number;
    experienceview?: number;
    file?: number;
    flow?: number;
    integration?: number;
    notebook?: number;
    privatefile?: number;
    resourcejob?: number;
    webhook?: number;
    dataTTL?: number;
    member?: number;
    payload?: number;
    storage?: number;
    notebookMinutesPerRun?: number;
    notebookMinutesPerMonth?: number;
    notebookInParallel?: number;
    experienceFlowSlots?: number;
    applicationFlowSlots?: number;
    systemInterval?: number;
  };
  summary?: {
    apiTokenCount?: number;
    appCount?: number;
    certificateCount?: number;
    certificateAuthorityCount?: number;
    credentialCount?: number;
    dashCount?: number;
    dataTableCount?: number;
    deviceCount?: number;
    deviceRecipeCount?: number;
    eventCount?: number;
    experienceDomainCount?: number;
    experienceEndpointCount?: number;
    experienceGroupCount?: number;
    experienceSlugCount?: number;
    experienceUserCount?: number;
    experienceVersionCount?: number;
    experienceViewCount?: number;
    fileCount?: number;
    flowCount?: number;
    integrationCount?: number;
    keyCount?: number;
    notebookCount?: number;
    privateFileCount?: number;
    resourceJobCount?: number;
    webhookCount?: number;
    memberCount?: number;
    pendingInviteCount?: number;
    /**
     * Schema for the result of a payload stats request
     */
    payloadCount?: {
      appFile?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      dataTable?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      deviceCreate?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      deviceCommand?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      deviceConnect?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      deviceDisconnect?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      deviceState?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      endpoint?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      event?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      flowError?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      inboundEmail?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      integration?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      mqttIn?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      mqttOut?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      notebook?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      resourceJob?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      timer?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      virtualButton?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
      webhook?: {
        /**
         * This interface was referenced by `undefined`'s JSON-Schema definition
         * via the `patternProperty` ".*".
         */
        [k: string]: number;
      };
    };
    storageStats?: {
      count?: number;
      size?: number;
    };
    notebookStats?: {
      awaitingCompletion?: number;
      minutesThisPeriod?: number;
      runsThisPeriod?: number;
    };
  };
  whitelistedEmailDomains?: string[];
  auditLogEnabled?: boolean;
  disabledAt?: false | string;
  isReadOnly?: boolean;
  /**
   * @maxItems 100
   */
  tags?: {
    key: string;
    value: string;
  }[];
  referralId?: string;
  mfaMode?: "notRequired" | "adminRequired" | "required";
  banner?: {
    message?: string;
    level?: "info" | "warning" | "critical";
  };
  planId?: string;
  customerId?: string;
  subscriptionId?: string;
  billingEmail?: string;
  subscriptionStatus?: "trialing" | "active" | "past_due" | "canceled" | "unpaid";
  currentPeriodStart?: string;
  currentPeriodEnd?: string;
}

/** Generated from schemas/instanceOrgPost.json. */

export interface InstanceOrgPost {
  name: string;
  description?: string;
  iconColor?: string;
  limits?: {
    apitoken?: number;
    application?: number;
    applicationcertificate?: number;
    applicationcertificateauthority?: number;
    applicationkey?: number;
    credential?: number;
    dashboard?: number;
    datatable?: number;
    device?: number;
    devicerecipe?: number;
    experiencedomain?: number;
    experienceendpoint?: number;
    experiencegroup?: number;
    experienceslug?: number;
    experienceuser?: number;
    experienceversion?: number;
    experienceview?: number;
    file?: number;
    flow?: number;
    integration?: number;
    notebook?: number;
    privatefile?: number;
    resourcejob?: number;
    webhook?: number;
    dataTTL?: number;
    member?: number;
    payload?: number;
    storage?: number;
    notebookMinutesPerRun?: number;
    notebookMinutesPerMonth?: number;
    notebookInParallel?: number;
    experienceFlowSlots?: number;
    applicationFlowSlots?: number;
    systemInterval?: number;
  };
  /**
   * @maxItems 10
   */
  members?: (
    | {
        userId: string;
        role: "admin" | "edit" | "collaborate" | "view" | "none";
        /**
         * @maxItems 100
         */
        applicationRoles?: {
          resourceId: string;
          role: "collaborate" | "view" | "none";
        }[];
        /**
         * @maxItems 100
         */
        dashboardRoles?: {
          resourceId: string;
          role: "collaborate" | "view" | "none";
        }[];
      }
    | {
        email: string;
        role: "admin" | "edit" | "collaborate" | "view" | "none";
        /**
         * @maxItems 100
         */
        applicationRoles?: {
          resourceId: string;
          role: "collaborate" | "view" | "none";
        }[];
        /**
         * @maxItems 100
         */
        dashboardRoles?: {
          resourceId: string;
          role: "collaborate" | "view" | "none";
        }[];
        disallowTransfer?: boolean;
      }
  )[];
  whitelistedEmailDomains?: string[];
  auditLogEnabled?: boolean;
  disabledAt?: string | boolean;
  isReadOnly?: boolean;
  /**
   * @maxItems 100
   */
  tags?: {
    key: string;
    value: string;
  }[];
  referralId?: string;
  mfaMode?: "notRequired" | "adminRequired" | "required";
  banner?: {
    message?: string;
    level?: "info" | "warning" | "critical";
  };
}

/** Generated from schemas/instanceOrgPatch.json. */

export interface InstanceOrgPatch {
  name?: string;
  description?: string;
  iconColor?: string;
  limits?: {
    apitoken?: number;
    application?: number;
    applicationcertificate?: number;
    applicationcertificateauthority?: number;
    applicationkey?: number;
    credential?: number;
    dashboard?: number;
    datatable?: number;
    device?: number;
    devicerecipe?: number;
    experiencedomain?: number;
    experienceendpoint?: number;
    experiencegroup?: number;
    experienceslug?: number;
    experienceuser?: number;
    experienceversion?: number;
    experienceview?: number;
    file?: number;
    flow?: number;
    integration?: number;
    notebook?: number;
    privatefile?: number;
    resourcejob?: number;
    webhook?: number;
    dataTTL?: number;
    member?: number;
    payload?: number;
    storage?: number;
    notebookMinutesPerRun?: number;
    notebookMinutesPerMonth?: number;
    notebookInParallel?: number;
    experienceFlowSlots?: number;
    applicationFlowSlots?: number;
    systemInterval?: number;
  };
  whitelistedEmailDomains?: string[];
  auditLogEnabled?: boolean;
  disabledAt?: string | boolean;
  isReadOnly?: boolean;
  /**
   * @maxItems 100
   */
  tags?: {
    key: string;
    value: string;
  }[];
  referralId?: string;
  mfaMode?: "notRequired" | "adminRequired" | "required";
  banner?: {
    message?: string;
    level?: "info" | "warning" | "critical";
  };
}

/** Generated from schemas/instanceOrgs.json. */

export interface InstanceOrgs {
  items?: {
    creationDate?: string;
    lastUpdated?: string;
    name: string;
    id?: string;
    orgId?: string;
    instanceId?: string;
    description?: string;
    iconColor?: string;
    limits?: {
      apitoken?: number;
      application?: number;
      applicationcertificate?: number;
      applicationcertificateauthority?: number;
      applicationkey?: number;
      credential?: number;
      dashboard?: number;
      datatable?: number;
      device?: number;
      devicerecipe?: number;
      experiencedomain?: number;
      experienceendpoint?: number;
      experiencegroup?: number;
      experienceslug?: number;
      experienceuser?: number;
      experienceversion?: number;
      experienceview?: number;
      file?: number;
      flow?: number;
      integration?: number;
      notebook?: number;
      privatefile?: number;
      resourcejob?: number;
      webhook?: number;
      dataTTL?: number;
      member?: number;
      payload?: number;
      storage?: number;
      notebookMinutesPerRun?: number;
      notebookMinutesPerMonth?: number;
      notebookInParallel?: number;
      experienceFlowSlots?: number;
      applicationFlowSlots?: number;
      systemInterval?: number;
    };
    summary?: {
      apiTokenCount?: number;
      appCount?: number;
      certificateCount?: number;
      certificateAuthorityCount?: number;
      credentialCount?: number;
      dashCount?: number;
      dataTableCount?: number;
      deviceCount?: number;
      deviceRecipeCount?: number;
      eventCount?: number;
      experienceDomainCount?: number;
      experienceEndpointCount?: number;
      experienceGroupCount?: number;
      experienceSlugCount?: number;
      experienceUserCount?: number;
      experienceVersionCount?: number;
      experienceViewCount?: number;
      fileCount?: number;
      flowCount?: number;
      integrationCount?: number;
      keyCount?: number;
      notebookCount?: number;
      privateFileCount?: number;
      resourceJobCount?: number;
      webhookCount?: number;
      memberCount?: number;
      pendingInviteCount?: number;
      /**
       * Schema for the result of a payload stats request
       */
      payloadCount?: {
        appFile?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        dataTable?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        deviceCreate?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        deviceCommand?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        deviceConnect?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        deviceDisconnect?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        deviceState?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        endpoint?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        event?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        flowError?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        inboundEmail?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        integration?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        mqttIn?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        mqttOut?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        notebook?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        resourceJob?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        timer?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        virtualButton?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
        webhook?: {
          /**
           * This interface was referenced by `undefined`'s JSON-Schema definition
           * via the `patternProperty` ".*".
           */
          [k: string]: number;
        };
      };
      storageStats?: {
        count?: number;
        size?: number;
      };
      notebookStats?: {
        awaitingCompletion?: number;
        minutesThisPeriod?: number;
        runsThisPeriod?: number;
      };
    };
    whitelistedEmailDomains?: string[];
    auditLogEnabled?: boolean;
    disabledAt?: false | string;
    isReadOnly?: boolean;
    /**
     * @maxItems 100
     */
    tags?: {
      key: string;
      value: string;
    }[];
    referralId?: string;
    mfaMode?: "notRequired" | "adminRequired" | "required";
    banner?: {
      message?: string;
      level?: "info" | "warning" | "critical";
    };
    planId?: string;
    customerId?: string;
    subscriptionId?: string;
    billingEmail?: string;
    subscriptionStatus?: "trialing" | "active" | "past_due" | "canceled" | "unpaid";
    currentPeriodStart?: string;
    currentPeriodEnd?: string;
  }[];
  instanceId?: string;
  count?: number;
  totalCount?: number;
  perPage?: number;
  page?: number;
  filter?: string;
  filterField?: string;
  sortField?: string;
  sortDirection?: "asc" | "desc" | "ASC" | "DESC" | "";
}

/** Generated from schemas/deviceCounts.json. */

export interface DeviceCounts {
  start?: string;
  end?: string;
  counts?: {
    date?: string;
    created?: number;
    deleted?: number;
    total?: number;
  }[];
}

/** Generated from schemas/notebookMinuteCounts.json. */

export interface NotebookMinuteCounts {
  start?: string;
  end?: string;
  counts?: {
    date?: string;
    minutes?: number;
    completed?: number;
    canceled?: number;
    errored?: number;
    timeout?: number;
  }[];
}

/** Generated from schemas/payloadCountsBreakdown.json. */

export interface PayloadCountsBreakdown {
  start?: string;
  end?: string;
  counts?: {
    date?: string;
    value?: number;
  }[];
}

/** Generated from schemas/payloadStats.json. */

export interface PayloadStats {
  appFile?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  dataTable?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  deviceCreate?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  deviceCommand?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  deviceConnect?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  deviceDisconnect?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  deviceState?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  endpoint?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  event?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  flowError?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  inboundEmail?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  integration?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  mqttIn?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  mqttOut?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  notebook?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  resourceJob?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  timer?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  virtualButton?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
  webhook?: {
    /**
     * This interface was referenced by `undefined`'s JSON-Schema definition
     * via the `patternProperty` ".*".
     */
    [k: string]: number;
  };
}

/** Generated from schemas/instanceOrgMember.json. */

export interface InstanceOrgMember {
  instanceId?: string;
  orgId?: string;
  userId?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  role?: "admin" | "edit" | "collaborate" | "view" | "none";
  avatarUrl?: string;
  twoFactorAuthEnabled?: boolean;
  ssoLinked?: boolean;
}

/** Generated from schemas/instanceOrgMemberPost.json. */

export type InstanceOrgMemberPost =
  | {
      userId: string;
      role: "admin" | "edit" | "collaborate" | "view" | "none";
      /**
       * @maxItems 100
       */
      applicationRoles?: {
        resourceId: string;
        role: "collaborate" | "view" | "none";
      }[];
      /**
       * @maxItems 100
       */
      dashboardRoles?: {
        resourceId: string;
        role: "collaborate" | "view" | "none";
      }[];
    }
  | {
      email: string;
      role: "admin" | "edit" | "collaborate" | "view" | "none";
      /**
       * @maxItems 100
       */
      applicationRoles?: {
        resourceId: string;
        role: "collaborate" | "view" | "none";
      }[];
      /**
       * @maxItems 100
       */
      dashboardRoles?: {
        resourceId: string;
        role: "collaborate" | "view" | "none";
      }[];
      disallowTransfer?: boolean;
    };

/** Generated from schemas/instanceOrgMemberPatch.json. */

export interface InstanceOrgMemberPatch {
  role?: "admin" | "edit" | "collaborate" | "view" | "none";
  /**
   * @maxItems 100
   */
  applicationRoles?: {
    resourceId: string;
    role: "collaborate" | "view" | "none";
  }[];
  /**
   * @maxItems 100
   */
  dashboardRoles?: {
    resourceId: string;
    role: "collaborate" | "view" | "none";
  }[];
}

/** Generated from schemas/instanceOrgMembers.json. */

export interface InstanceOrgMembers {
  items?: InstanceOrgMembers1[];
  instanceId?: string;
  orgId?: string;
  count?: number;
  filter?: string;
  filterField?: string;
  sortField?: string;
  sortDirection?: "asc" | "desc" | "ASC" | "DESC" | "";
}
export interface InstanceOrgMembers1 {
  instanceId?: string;
  orgId?: string;
  userId?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  role?: "admin" | "edit" | "collaborate" | "view" | "none";
  avatarUrl?: string;
  twoFactorAuthEnabled?: boolean;
  ssoLinked?: boolean;
}

/** Generated from schemas/error.json. */

export interface LosantErrorBody {
  type?: string;
  message?: string;
}

/** Generated from schemas/success.json. */

export interface Success {
  success?: true;
}
