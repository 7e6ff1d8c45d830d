/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AcceptInvitationInput = {
  token: string;
};

/** Every code a userError of the accounts operations can carry. */
export type AccountUserErrorCode =
  /** The person invited is already a member of the organization. */
  | 'ALREADY_MEMBER'
  /** The API key is revoked; create a new one instead. */
  | 'API_KEY_REVOKED'
  /** A required value is missing or empty. */
  | 'BLANK'
  /** The currency cannot change once stock has been valued in it. */
  | 'CURRENCY_LOCKED'
  /** Verify your email address first (verifyEmail, with the token sent at sign-up). */
  | 'EMAIL_NOT_VERIFIED'
  /** An account with this email exists; log in instead. */
  | 'EMAIL_TAKEN'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The organization's cost method is not FIFO or AVERAGE. */
  | 'INVALID_COST_METHOD'
  /** The email or password is not correct. */
  | 'INVALID_CREDENTIALS'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** The role is not one of the roles. */
  | 'INVALID_ROLE'
  /** The scope is not one of the ApiKeyScope values. */
  | 'INVALID_SCOPE'
  /** The invitation was sent to another email address. */
  | 'INVITATION_EMAIL_MISMATCH'
  /** The invitation has expired; ask for a new one. */
  | 'INVITATION_EXPIRED'
  /** The invitation token is not valid. */
  | 'INVITATION_INVALID'
  /** The organization needs at least one owner. */
  | 'LAST_OWNER'
  /** The organization has as many of these as it may have. */
  | 'LIMIT_REACHED'
  /** The operation needs a user session, not an API key. */
  | 'NOT_A_SESSION'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The account belongs to no organization. */
  | 'NO_ORGANIZATION'
  /** The number is outside the range the field allows. */
  | 'OUT_OF_RANGE'
  /** The password is shorter than the minimum length. */
  | 'PASSWORD_TOO_SHORT'
  /** The password is easy to guess; the message gives the estimator's advice. */
  | 'PASSWORD_TOO_WEAK'
  /** The organization's plan allows no more of these (the message gives the limit and the usage); upgrade the plan or buy an add-on. */
  | 'PLAN_LIMIT_REACHED'
  /** A member cannot grant a role above their own. */
  | 'ROLE_TOO_HIGH'
  /** An API key cannot get a scope its creator does not hold. */
  | 'SCOPE_NOT_HELD'
  /** The token has expired; ask for a new one. */
  | 'TOKEN_EXPIRED'
  /** The token is not valid or has been used already. */
  | 'TOKEN_INVALID'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT';

export type AddBatchIngredientsInput = {
  batchId: string | number;
  /** Skip the lines that are short. */
  force?: boolean;
  lines: Array<BatchIngredientInput>;
};

export type AddOnInput = {
  key: string;
  quantity?: number;
};

export type AdjustInventoryInput = {
  /** A user change type; the system's ones are refused. */
  changeType: InventoryChangeType;
  /** The unit unitCost is per; default: the quantity's unit. */
  costUnit?: string | null | undefined;
  itemId: string | number;
  /** Disposal, RETURNED and COST_OVERRIDE may name one lot. */
  lotId?: string | number | null | undefined;
  note?: string | null | undefined;
  /** How much moves (always positive), or for RECOUNT the counted total; not used by COST_OVERRIDE. */
  quantity?: QuantityInput | null | undefined;
  reference?: string | null | undefined;
  /** COST_OVERRIDE: the new cost; RESTOCK, RETURNED: the cost of the stock added (default: the average cost). Per costUnit. */
  unitCost?: string | null | undefined;
};

/** A permission: what an API key's scopes and a member's role allow. Webhook payloads and logs name it in its dotted form (INVENTORY_READ is inventory.read). */
export type ApiKeyScope =
  /** Create, list and revoke API keys. */
  | 'API_KEYS_MANAGE'
  /** Plan, start, finish, split, cancel and fail batches. */
  | 'BATCHES_MANAGE'
  /** See batches and lot genealogy. */
  | 'BATCHES_READ'
  /** Change the plan, pay and cancel. */
  | 'BILLING_MANAGE'
  /** See the subscription and invoices. */
  | 'BILLING_READ'
  /** Read the event log. */
  | 'EVENTS_READ'
  /** Receive, adjust, reserve and write off stock. */
  | 'INVENTORY_ADJUST'
  /** Create, update and archive inventory items. */
  | 'INVENTORY_MANAGE'
  /** See items, lots, history and reports. */
  | 'INVENTORY_READ'
  /** Invite, re-role and remove members. */
  | 'MEMBERS_MANAGE'
  /** List the members of the organization. */
  | 'MEMBERS_READ'
  /** Rename the organization and change its settings. */
  | 'ORGANIZATION_MANAGE'
  /** See the organization and its settings. */
  | 'ORGANIZATION_READ'
  /** Create, change, publish and archive recipes. */
  | 'RECIPES_MANAGE'
  /** See recipes. */
  | 'RECIPES_READ'
  /** Create custom units and set densities. */
  | 'UNITS_MANAGE'
  /** List units and convert quantities. */
  | 'UNITS_READ'
  /** Manage webhook endpoints, deliveries and replays. */
  | 'WEBHOOKS_MANAGE';

export type ArchiveInventoryItemInput = {
  id: string | number;
};

export type BatchFilter = {
  /** A split's variations too (else only under their parent). */
  includeVariations?: boolean;
  outputItemId?: string | number | null | undefined;
  recipeId?: string | number | null | undefined;
  status?: BatchStatus | null | undefined;
};

export type BatchIngredientInput = {
  itemId: string | number;
  note?: string | null | undefined;
  quantity: QuantityInput;
};

/** Why a batch drew an item. */
export type BatchLineKind =
  /** Added to the batch (addBatchIngredients) or to a variation. */
  | 'ADDED'
  /** A consumable of the recipe. */
  | 'CONSUMABLE'
  /** Containers filled at finish. */
  | 'CONTAINER'
  /** An ingredient of the recipe. */
  | 'INGREDIENT';

/** Where a batch is in its life. */
export type BatchStatus =
  /** Every draw given back to the lot it came from. */
  | 'CANCELLED'
  /** Lost: its draws are kept as the loss. */
  | 'FAILED'
  /** Its output lots made. */
  | 'FINISHED'
  /** Started: its lines drawn. */
  | 'IN_PROGRESS';

/** Every code a userError of the batches operations can carry. */
export type BatchUserErrorCode =
  /** The batch is finished, cancelled or failed: only a batch in progress takes this. */
  | 'BATCH_NOT_IN_PROGRESS'
  /** A required value is missing or empty. */
  | 'BLANK'
  /** A container needs a capacity: give one, or set the item's containerCapacity. */
  | 'CAPACITY_REQUIRED'
  /** The containers to fill hold more than the batch made; fill fewer (the rest of a yield goes to bulk). */
  | 'CONTAINERS_EXCEED_YIELD'
  /** The same item appears twice in a recipe's lines; each item may appear once. */
  | 'DUPLICATE_ITEM'
  /** Less stock is available than the change needs; the payload's `shortages` say how much of each item was asked for and was available. */
  | 'INSUFFICIENT_STOCK'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** The organization has as many of these as it may have. */
  | 'LIMIT_REACHED'
  /** Another object of the organization has this name. */
  | 'NAME_TAKEN'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The value must be greater than zero. */
  | 'NOT_POSITIVE'
  /** The number is outside the range the field allows. */
  | 'OUT_OF_RANGE'
  /** A quantity in the item's own unit has more decimal places than its precision. */
  | 'QUANTITY_TOO_PRECISE'
  /** The recipe is archived: it no longer changes, nor takes variations or tests. */
  | 'RECIPE_ARCHIVED'
  /** A custom unit cannot take the name of a built-in unit. */
  | 'SHADOWS_BUILT_IN'
  /** A batch's variations would take more than 100 % of it; the rest of a split stays base. */
  | 'SPLIT_OVER_100'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The number has more decimal places than the field allows. */
  | 'TOO_PRECISE'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT'
  /** The units cannot be converted into each other (a volume and a mass need a density). */
  | 'UNIT_CONVERSION_FAILED'
  /** The unit is neither built in nor one of the organization's. */
  | 'UNKNOWN_UNIT';

export type BatchVariationInput = {
  /** Added to it, drawn FIFO. */
  ingredients?: Array<BatchIngredientInput>;
  /** Unique in the batch; ends its sub-label. */
  name: string;
  /** Its share of the batch (more than 0; the variations of a batch sum to at most 100, the rest stays base). */
  percentage: string;
};

export type BillingInterval =
  | 'MONTH'
  | 'YEAR';

/** Every code a userError of the billing operations can carry. */
export type BillingUserErrorCode =
  /** The organization has a subscription; change it in the billing portal. */
  | 'ALREADY_SUBSCRIBED'
  /** Billing is not configured on this server (no Stripe settings): every organization runs on the local plan. */
  | 'BILLING_NOT_CONFIGURED'
  /** A required value is missing or empty. */
  | 'BLANK'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The organization's plan does not include this feature; upgrade the plan or buy the add-on that does. */
  | 'NOT_IN_PLAN'
  /** The organization has no paid subscription to change. */
  | 'NO_SUBSCRIPTION'
  /** The number is outside the range the field allows. */
  | 'OUT_OF_RANGE'
  /** The organization's plan allows no more of these (the message gives the limit and the usage); upgrade the plan or buy an add-on. */
  | 'PLAN_LIMIT_REACHED'
  /** The plan, interval or add-on is not one that is sold. */
  | 'PLAN_NOT_SOLD'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT';

export type CancelBatchInput = {
  id: string | number;
};

export type CancelSubscriptionInput = {
  /** Keep the plan until the paid period ends (the default). */
  atPeriodEnd?: boolean;
  /** Free text, kept. */
  feedback?: string | null | undefined;
  reason?: CancellationReason | null | undefined;
};

/** Why a customer cancels (the exit survey). */
export type CancellationReason =
  | 'MISSING_FEATURE'
  | 'OTHER'
  | 'SEASONAL'
  | 'SWITCHED_TOOL'
  | 'TOO_EXPENSIVE';

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

/** A container size to fill: "20 x 4 oz jars". */
export type ContainerFillInput = {
  count: number;
  /** A CONTAINER item with a capacity. */
  itemId: string | number;
};

/** How a batch costs its lines; quantities are always drawn FIFO. */
export type CostMethod =
  /** Each line costs its quantity at the item's average cost at start. */
  | 'AVERAGE'
  /** Each line costs exactly the lots it drew. */
  | 'FIFO';

/** Which lots a consumption draws first. */
export type CostingMethod =
  /** Earliest expiry first, then oldest received. */
  | 'FEFO'
  /** Oldest received first. */
  | 'FIFO';

export type CreateApiKeyInput = {
  /** When the key stops working (in the future); null: never. */
  expiresAt?: string | null | undefined;
  name: string;
  /** Permissions such as INVENTORY_READ; you can only grant ones you hold. */
  scopes: Array<ApiKeyScope>;
};

export type CreateCheckoutSessionInput = {
  addOns?: Array<AddOnInput>;
  interval: BillingInterval;
  plan: PlanKey;
};

export type CreateCustomUnitInput = {
  /** What one of the new unit is, in a built-in or another custom unit. */
  definedAs: QuantityInput;
  /** Unique in the organization ignoring case; not a built-in unit's name. */
  name: string;
};

export type CreateInventoryItemInput = {
  /** GTIN, UPC, EAN or any code the maker scans: trimmed, unique in the organization (BARCODE_TAKEN); empty or null: none. */
  barcode?: string | null | undefined;
  /** A built-in unit (g, ml, each, mm or a multiple); fixed once stock exists. */
  baseUnit: string;
  /** For containers: what one holds. */
  containerCapacity?: QuantityInput | null | undefined;
  costingMethod?: CostingMethod;
  defaultVendor?: string | null | undefined;
  density?: string | null | undefined;
  /** Days from order to receipt, for reorder suggestions. */
  leadTimeDays?: number | null | undefined;
  /** In the base unit. */
  lowStockThreshold?: string | null | undefined;
  /** Unique in the organization, ignoring case. */
  name: string;
  perishable?: boolean;
  /** Decimal places of this item's quantities, 0 to 6. */
  quantityPrecision?: number;
  /** Per base unit. */
  salePrice?: string | null | undefined;
  /** Per base unit, for an untracked item. */
  setUnitCost?: string | null | undefined;
  /** Sets a received lot's expiry when none is given. */
  shelfLifeDays?: number | null | undefined;
  /** Stock keeping unit, as the shop platforms have it: trimmed, case matters, unique in the organization (SKU_TAKEN); empty or null: none. */
  sku?: string | null | undefined;
  /** False: kept without lots, costed at setUnitCost. */
  tracked?: boolean;
  type: InventoryItemType;
};

export type CreateRecipeInput = {
  category?: string | null | undefined;
  /** Items of type CONSUMABLE or PACKAGING, each once. */
  consumables?: Array<RecipeLineInput>;
  /** Items of type CONTAINER, each once. */
  containers?: Array<RecipeContainerInput>;
  /** Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once. */
  ingredients?: Array<RecipeLineInput>;
  /** 1 to 12 letters A-Z or digits, such as SOAP (upper-cased). */
  labelPrefix?: string | null | undefined;
  name: string;
  notes?: string | null | undefined;
  /** An item of type PRODUCT or INTERMEDIATE. */
  outputItemId: string | number;
  portioning?: RecipePortioningInput | null | undefined;
  /** How much of the output one batch makes; converts for the output item. */
  predictedYield: QuantityInput;
  /** The recipe's own steps, in order; a list given replaces them. */
  steps?: Array<RecipeStepInput>;
};

export type CreateRecipeTestInput = {
  changes?: RecipeChangesInput | null | undefined;
  /** Default: the source's name and " (test)". */
  name?: string | null | undefined;
  /** The version to copy the lines of (steps are inherited, not copied). */
  sourceRecipeId: string | number;
};

export type CreateRecipeVariationInput = {
  changes?: RecipeChangesInput | null | undefined;
  name: string;
  /** The version to copy the lines of (steps are inherited, not copied). */
  sourceRecipeId: string | number;
};

export type CreateWebhookEndpointInput = {
  description?: string | null | undefined;
  /** Exact types (inventory.adjusted) or prefix wildcards (inventory.*, *). */
  eventTypes: Array<string>;
  /** A public https:// URL. */
  url: string;
};

/** An active ISO 4217 currency code. Amounts are exact to 6 decimal places of the currency's main unit, whatever its minor unit. */
export type CurrencyCode =
  | 'AED'
  | 'AFN'
  | 'ALL'
  | 'AMD'
  | 'ANG'
  | 'AOA'
  | 'ARS'
  | 'AUD'
  | 'AWG'
  | 'AZN'
  | 'BAM'
  | 'BBD'
  | 'BDT'
  | 'BGN'
  | 'BHD'
  | 'BIF'
  | 'BMD'
  | 'BND'
  | 'BOB'
  | 'BRL'
  | 'BSD'
  | 'BTN'
  | 'BWP'
  | 'BYN'
  | 'BZD'
  | 'CAD'
  | 'CDF'
  | 'CHF'
  | 'CLP'
  | 'CNY'
  | 'COP'
  | 'CRC'
  | 'CUP'
  | 'CVE'
  | 'CZK'
  | 'DJF'
  | 'DKK'
  | 'DOP'
  | 'DZD'
  | 'EGP'
  | 'ERN'
  | 'ETB'
  | 'EUR'
  | 'FJD'
  | 'FKP'
  | 'GBP'
  | 'GEL'
  | 'GHS'
  | 'GIP'
  | 'GMD'
  | 'GNF'
  | 'GTQ'
  | 'GYD'
  | 'HKD'
  | 'HNL'
  | 'HTG'
  | 'HUF'
  | 'IDR'
  | 'ILS'
  | 'INR'
  | 'IQD'
  | 'IRR'
  | 'ISK'
  | 'JMD'
  | 'JOD'
  | 'JPY'
  | 'KES'
  | 'KGS'
  | 'KHR'
  | 'KMF'
  | 'KPW'
  | 'KRW'
  | 'KWD'
  | 'KYD'
  | 'KZT'
  | 'LAK'
  | 'LBP'
  | 'LKR'
  | 'LRD'
  | 'LSL'
  | 'LYD'
  | 'MAD'
  | 'MDL'
  | 'MGA'
  | 'MKD'
  | 'MMK'
  | 'MNT'
  | 'MOP'
  | 'MRU'
  | 'MUR'
  | 'MVR'
  | 'MWK'
  | 'MXN'
  | 'MYR'
  | 'MZN'
  | 'NAD'
  | 'NGN'
  | 'NIO'
  | 'NOK'
  | 'NPR'
  | 'NZD'
  | 'OMR'
  | 'PAB'
  | 'PEN'
  | 'PGK'
  | 'PHP'
  | 'PKR'
  | 'PLN'
  | 'PYG'
  | 'QAR'
  | 'RON'
  | 'RSD'
  | 'RUB'
  | 'RWF'
  | 'SAR'
  | 'SBD'
  | 'SCR'
  | 'SDG'
  | 'SEK'
  | 'SGD'
  | 'SHP'
  | 'SLE'
  | 'SOS'
  | 'SRD'
  | 'SSP'
  | 'STN'
  | 'SVC'
  | 'SYP'
  | 'SZL'
  | 'THB'
  | 'TJS'
  | 'TMT'
  | 'TND'
  | 'TOP'
  | 'TRY'
  | 'TTD'
  | 'TWD'
  | 'TZS'
  | 'UAH'
  | 'UGX'
  | 'USD'
  | 'UYU'
  | 'UZS'
  | 'VED'
  | 'VES'
  | 'VND'
  | 'VUV'
  | 'WST'
  | 'XAF'
  | 'XCD'
  | 'XCG'
  | 'XOF'
  | 'XPF'
  | 'YER'
  | 'ZAR'
  | 'ZMW'
  | 'ZWG';

export type DeleteWebhookEndpointInput = {
  id: string | number;
};

export type FailBatchInput = {
  id: string | number;
  /** Why it failed (up to 2,000 characters). */
  reason: string;
};

export type FinishBatchInput = {
  /** What was made, in any unit that converts to the output item's (more than 0: a batch that made nothing is failed with failBatch). */
  actualYield: QuantityInput;
  /** Container sizes to fill, drawn FIFO; the rest of the yield is bulk. */
  containers?: Array<ContainerFillInput>;
  id: string | number;
  /** At least 1. */
  portions?: number | null | undefined;
};

export type FulfilReservationInput = {
  id: string | number;
  /** Fulfil this much of it (at most what it holds), leaving the rest reserved; default: all it holds. */
  quantity?: QuantityInput | null | undefined;
};

/** Why stock changed. Consumption (USE, SALE, SAMPLE, TESTER, GIFT) draws usable stock oldest first; disposal (SPOIL, TRASH, EXPIRED, DAMAGED, QUALITY_FAIL) may also take expired lots; RESTOCK and RETURNED add stock; RECOUNT sets the counted total; COST_OVERRIDE revalues remaining lots. PURCHASE, BATCH, FINISHED_BATCH, REFUNDED and RESERVED are written by the system. */
export type InventoryChangeType =
  | 'BATCH'
  | 'COST_OVERRIDE'
  | 'DAMAGED'
  | 'EXPIRED'
  | 'FINISHED_BATCH'
  | 'GIFT'
  | 'PURCHASE'
  | 'QUALITY_FAIL'
  | 'RECOUNT'
  | 'REFUNDED'
  | 'RESERVED'
  | 'RESTOCK'
  | 'RETURNED'
  | 'SALE'
  | 'SAMPLE'
  | 'SPOIL'
  | 'TESTER'
  | 'TRASH'
  | 'USE';

/** Which items to list; all conditions must hold. */
export type InventoryItemFilter = {
  /** The item with exactly this barcode (trimmed). */
  barcode?: string | null | undefined;
  includeArchived?: boolean;
  /** True: only items under their threshold; false: only not. */
  lowStock?: boolean | null | undefined;
  /** Part of the name. */
  search?: string | null | undefined;
  /** The item with exactly this SKU (trimmed; case matters). */
  sku?: string | null | undefined;
  /** Items with any of these SKUs (at most 250; each trimmed, case matters). */
  skus?: Array<string> | null | undefined;
  type?: InventoryItemType | null | undefined;
};

/** What an inventory item is to the maker. */
export type InventoryItemType =
  | 'CONSUMABLE'
  | 'CONTAINER'
  | 'INGREDIENT'
  | 'INTERMEDIATE'
  | 'PACKAGING'
  | 'PRODUCT';

/** Every code a userError of the inventory operations can carry. */
export type InventoryUserErrorCode =
  /** Another item of the organization has this barcode. */
  | 'BARCODE_TAKEN'
  /** The item's base unit cannot change once it has stock history; create a new item. */
  | 'BASE_UNIT_LOCKED'
  /** A required value is missing or empty. */
  | 'BLANK'
  /** A purchase or revaluation needs its cost (unitCost or totalCost). */
  | 'COST_REQUIRED'
  /** More than the reservation holds was asked of it. */
  | 'EXCEEDS_RESERVATION'
  /** A lot's expiry must come after its receipt. */
  | 'EXPIRES_BEFORE_RECEIVED'
  /** Less stock is available than the change needs; the payload's `shortages` say how much of each item was asked for and was available. */
  | 'INSUFFICIENT_STOCK'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The change type is unknown or not allowed here. */
  | 'INVALID_CHANGE_TYPE'
  /** The costing method is not FIFO or FEFO. */
  | 'INVALID_COSTING_METHOD'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** The period ends before it begins. */
  | 'INVALID_PERIOD'
  /** The status is not one of the allowed statuses. */
  | 'INVALID_STATUS'
  /** The item type is not one of the item types. */
  | 'INVALID_TYPE'
  /** The time may not be in the future. */
  | 'IN_THE_FUTURE'
  /** The time must be in the future. */
  | 'IN_THE_PAST'
  /** The item is archived and takes no new stock. */
  | 'ITEM_ARCHIVED'
  /** The organization has as many of these as it may have. */
  | 'LIMIT_REACHED'
  /** The item already has a lot with this code. */
  | 'LOT_CODE_TAKEN'
  /** A lot can be named only for disposals and returns. */
  | 'LOT_NOT_ALLOWED'
  /** Another object of the organization has this name. */
  | 'NAME_TAKEN'
  /** The value cannot be negative. */
  | 'NEGATIVE'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The organization's plan does not include this feature; upgrade the plan or buy the add-on that does. */
  | 'NOT_IN_PLAN'
  /** The value must be greater than zero. */
  | 'NOT_POSITIVE'
  /** The number is outside the range the field allows. */
  | 'OUT_OF_RANGE'
  /** The period is longer than one report may span. */
  | 'PERIOD_TOO_LONG'
  /** The organization's plan allows no more of these (the message gives the limit and the usage); upgrade the plan or buy an add-on. */
  | 'PLAN_LIMIT_REACHED'
  /** A quantity in the item's own unit has more decimal places than its precision. */
  | 'QUANTITY_TOO_PRECISE'
  /** The reservation is no longer active. */
  | 'RESERVATION_CLOSED'
  /** The order already has an open (ACTIVE or SHORT) reservation of this item; fulfil or release it. */
  | 'RESERVATION_EXISTS'
  /** The reservation is SHORT: the stock it held was lost, so it holds nothing to fulfil; release it. */
  | 'RESERVATION_SHORT'
  /** A return gives a lot back more than it ever held. */
  | 'RETURN_EXCEEDS_LOT'
  /** A custom unit cannot take the name of a built-in unit. */
  | 'SHADOWS_BUILT_IN'
  /** Another item of the organization has this SKU. */
  | 'SKU_TAKEN'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The number has more decimal places than the field allows. */
  | 'TOO_PRECISE'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT'
  /** The units cannot be converted into each other (a volume and a mass need a density). */
  | 'UNIT_CONVERSION_FAILED'
  /** The unit is neither built in nor one of the organization's. */
  | 'UNKNOWN_UNIT';

export type InviteMemberInput = {
  email: string;
  role: Role;
};

export type LogInInput = {
  email: string;
  /** Which organization to act for; the first one if omitted. */
  organizationId?: string | number | null | undefined;
  password: string;
};

/** What replaces an inherited step; fields left out keep the inherited step's. */
export type OverrideRecipeStepInput = {
  durationMinutes?: number | null | undefined;
  /** True: leave the step out of this recipe instead. */
  omitted?: boolean;
  recipeId: string | number;
  stepKey: string;
  temperature?: TemperatureInput | null | undefined;
  text?: string | null | undefined;
};

/** A recipe version at a scale: `scale` (2 is twice) or `targetYield` in any unit that converts to the output item's; neither is the recipe as it is. */
export type PlanBatchInput = {
  recipeId: string | number;
  scale?: string | null | undefined;
  targetYield?: QuantityInput | null | undefined;
};

/** A plan an organization runs on. */
export type PlanKey =
  | 'ENTERPRISE'
  | 'FREE'
  /** Billing is not configured on this server: Team's limits. */
  | 'LOCAL'
  | 'SOLO'
  | 'TEAM';

/** A limit of a plan. */
export type PlanLimit =
  | 'API_KEYS'
  | 'BATCHES_PER_MONTH'
  | 'HISTORY_DAYS'
  | 'RECIPES'
  | 'USERS'
  | 'WEBHOOK_ENDPOINTS';

export type PromoteRecipeTestInput = {
  testId: string | number;
};

/** An amount of a unit, such as { amount: "30", unit: "g" }. */
export type QuantityInput = {
  amount: string;
  /** A built-in or custom unit name (any case). */
  unit: string;
};

/** A purchase: it becomes a lot. */
export type ReceiveInventoryInput = {
  /** Default: receivedAt + the item's shelf life, if it has one. */
  expiresAt?: string | null | undefined;
  itemId: string | number;
  /** Unique in the organization; generated (LOT-...) if absent. */
  lotCode?: string | null | undefined;
  note?: string | null | undefined;
  /** In any unit convertible to the item's. */
  quantity: QuantityInput;
  /** Default: now. */
  receivedAt?: string | null | undefined;
  /** A purchase order... */
  reference?: string | null | undefined;
  /** For the whole quantity. Give this or unitCost. */
  totalCost?: string | null | undefined;
  /** Per unit of `quantity`. Give this or totalCost. */
  unitCost?: string | null | undefined;
  /** Default: the item's. */
  vendor?: string | null | undefined;
};

/** Only the fields given change; a list given replaces the list; null clears an optional field. */
export type RecipeChangesInput = {
  category?: string | null | undefined;
  /** Items of type CONSUMABLE or PACKAGING, each once. */
  consumables?: Array<RecipeLineInput> | null | undefined;
  /** Items of type CONTAINER, each once. */
  containers?: Array<RecipeContainerInput> | null | undefined;
  /** Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once. */
  ingredients?: Array<RecipeLineInput> | null | undefined;
  /** 1 to 12 letters A-Z or digits, such as SOAP (upper-cased). */
  labelPrefix?: string | null | undefined;
  notes?: string | null | undefined;
  /** An item of type PRODUCT or INTERMEDIATE. */
  outputItemId?: string | number | null | undefined;
  portioning?: RecipePortioningInput | null | undefined;
  /** How much of the output one batch makes; converts for the output item. */
  predictedYield?: QuantityInput | null | undefined;
  /** The recipe's own steps, in order; a list given replaces them. */
  steps?: Array<RecipeStepInput> | null | undefined;
};

export type RecipeContainerInput = {
  /** How much of the output one holds, in a unit that converts for the output item; default: the item's containerCapacity. */
  capacity?: QuantityInput | null | undefined;
  /** An item of type CONTAINER. */
  itemId: string | number;
};

/** Which recipes to list (each by its current version). */
export type RecipeFilter = {
  /** Ignoring letter case. */
  category?: string | null | undefined;
  includeTests?: boolean;
  outputItemId?: string | number | null | undefined;
  /** Part of the name. */
  search?: string | null | undefined;
  /** Of the current version. Without it, archived ones are left out. */
  status?: RecipeStatus | null | undefined;
};

export type RecipeInput = {
  /** Any version of the recipe. */
  id: string | number;
};

/** What a recipe is to the recipes it comes from. */
export type RecipeKind =
  /** Made from nothing else. */
  | 'ORIGINAL'
  /** An experiment on another recipe (createRecipeTest). */
  | 'TEST'
  /** A variation of another recipe (createRecipeVariation). */
  | 'VARIATION';

export type RecipeLineInput = {
  itemId: string | number;
  note?: string | null | undefined;
  /** In any unit that converts for the item: in its own unit at most its quantityPrecision places, 6 places in any. */
  quantity: QuantityInput;
};

export type RecipePortioningInput = {
  count: number;
  /** One portion's name, such as bar. */
  name: string;
  /** Converts for the output item. */
  size: QuantityInput;
};

/** Where a recipe version is in its life. */
export type RecipeStatus =
  /** The recipe, every version of it, changes no more. */
  | 'ARCHIVED'
  /** Being prepared: edited in place. */
  | 'DRAFT'
  /** Immutable: an edit makes the next version, a draft. */
  | 'PUBLISHED';

/** One of the recipe's own steps. */
export type RecipeStepInput = {
  /** A variation's or test's own step: the key of the inherited step it follows; none: at the end. */
  after?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  /** An own step's key, to keep it; none for a new step. */
  key?: string | null | undefined;
  temperature?: TemperatureInput | null | undefined;
  text: string;
};

/** Every code a userError of the recipes operations can carry. */
export type RecipeUserErrorCode =
  /** A required value is missing or empty. */
  | 'BLANK'
  /** A container needs a capacity: give one, or set the item's containerCapacity. */
  | 'CAPACITY_REQUIRED'
  /** The same item appears twice in a recipe's lines; each item may appear once. */
  | 'DUPLICATE_ITEM'
  /** The same step key appears twice in a recipe's steps. */
  | 'DUPLICATE_STEP'
  /** A recipe needs at least one ingredient line before it is published. */
  | 'INGREDIENTS_REQUIRED'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** A label prefix is 1 to 12 letters A-Z or digits (SOAP). */
  | 'INVALID_LABEL_PREFIX'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** The item's type is not allowed in this place of a recipe (the message says which types are). */
  | 'ITEM_TYPE_NOT_ALLOWED'
  /** The organization has as many of these as it may have. */
  | 'LIMIT_REACHED'
  /** Another object of the organization has this name. */
  | 'NAME_TAKEN'
  /** Only a recipe test (createRecipeTest) can be promoted. */
  | 'NOT_A_TEST'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The value must be greater than zero. */
  | 'NOT_POSITIVE'
  /** The number is outside the range the field allows. */
  | 'OUT_OF_RANGE'
  /** The organization's plan allows no more of these (the message gives the limit and the usage); upgrade the plan or buy an add-on. */
  | 'PLAN_LIMIT_REACHED'
  /** A quantity in the item's own unit has more decimal places than its precision. */
  | 'QUANTITY_TOO_PRECISE'
  /** The recipe is archived: it no longer changes, nor takes variations or tests. */
  | 'RECIPE_ARCHIVED'
  /** The recipe would use its own output as an ingredient, directly or through the recipes of its intermediates. */
  | 'RECIPE_CYCLE'
  /** A custom unit cannot take the name of a built-in unit. */
  | 'SHADOWS_BUILT_IN'
  /** The step is the recipe's own, not inherited from its source: change it with updateRecipe. */
  | 'STEP_NOT_INHERITED'
  /** The recipe has no override of this step to revert. */
  | 'STEP_NOT_OVERRIDDEN'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The number has more decimal places than the field allows. */
  | 'TOO_PRECISE'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT'
  /** The units cannot be converted into each other (a volume and a mass need a density). */
  | 'UNIT_CONVERSION_FAILED'
  /** The unit is neither built in nor one of the organization's. */
  | 'UNKNOWN_UNIT';

export type RedeliverWebhookInput = {
  /** The ID of the delivery to send again. */
  id: string | number;
};

export type RemoveMemberInput = {
  id: string | number;
};

/** Every subscribed event created in [since, until), again. */
export type ReplayWebhookEventsInput = {
  endpointId: string | number;
  since: string;
  until: string;
};

export type RequestPasswordResetInput = {
  email: string;
};

export type ReservationInput = {
  id: string | number;
};

/** Where a reservation stands. ACTIVE and SHORT ones are open. */
export type ReservationStatus =
  /** Holds its remaining stock. */
  | 'ACTIVE'
  /** Closed by its expiresAt: it holds nothing. */
  | 'EXPIRED'
  /** All it held was sold (fulfilReservation). */
  | 'FULFILLED'
  /** Released: it holds nothing. */
  | 'RELEASED'
  /** Holds nothing: the stock it held was lost (disposed of, counted missing; see shortQuantity). It cannot be fulfilled; release it (or let it expire). */
  | 'SHORT';

export type ReserveInventoryInput = {
  /** Released automatically after this time. */
  expiresAt?: string | null | undefined;
  itemId: string | number;
  orderReference: string;
  quantity: QuantityInput;
};

export type ResetPasswordInput = {
  newPassword: string;
  /** The bt_reset_... token from the email. */
  token: string;
};

export type RevertRecipeStepInput = {
  recipeId: string | number;
  stepKey: string;
};

export type RevokeApiKeyInput = {
  id: string | number;
};

export type RevokeSessionInput = {
  id: string | number;
};

/** A member's role; each role grants a fixed set of permissions. */
export type Role =
  | 'ADMIN'
  | 'MAKER'
  | 'MANAGER'
  | 'OWNER'
  | 'VIEWER';

export type RotateApiKeyInput = {
  id: string | number;
  /** How long the current secret keeps working beside the new one: 0 to 604800 (7 days); a day by default. */
  overlapSeconds?: number;
};

export type RotateWebhookSecretInput = {
  id: string | number;
};

export type SendTestWebhookInput = {
  /** The endpoint's ID. */
  id: string | number;
};

export type SetItemDensityInput = {
  /** Grams per millilitre, such as 0.91 for olive oil; null clears it. */
  density?: string | null | undefined;
  itemId: string | number;
};

export type SignUpInput = {
  /** The new organization's currency. With invitationToken it is not used: the organization joined keeps its own. */
  currencyCode?: CurrencyCode;
  email: string;
  invitationToken?: string | null | undefined;
  name?: string;
  /** Required unless invitationToken is given. */
  organizationName?: string | null | undefined;
  password: string;
};

export type SplitBatchInput = {
  id: string | number;
  variations: Array<BatchVariationInput>;
};

export type StartBatchInput = {
  /** Start even if lines are short: those lines are skipped and recorded. */
  force?: boolean;
  /** The exact version to make. */
  recipeId: string | number;
  scale?: string | null | undefined;
  targetYield?: QuantityInput | null | undefined;
};

/** PAST_DUE: a payment failed, everything works until graceEndsAt. INCOMPLETE: the first payment is not through, Free until it is. UNPAID, CANCELED and SUSPENDED (paused) are restricted. */
export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELED'
  | 'INCOMPLETE'
  | 'PAST_DUE'
  | 'SUSPENDED'
  | 'TRIALING'
  | 'UNPAID';

export type TemperatureInput = {
  unit: TemperatureUnit;
  /** Less than 10000, 2 decimal places at most. */
  value: string;
};

export type TemperatureUnit =
  /** Degrees Celsius. */
  | 'C'
  /** Degrees Fahrenheit. */
  | 'F';

/** Which way a trace runs through the genealogy. */
export type TraceDirection =
  /** From a product lot to the batches and lots it came from, through intermediates. */
  | 'BACKWARD'
  /** From an ingredient lot to the batches and lots it went into, and the sales that took those lots. */
  | 'FORWARD';

/** What a unit measures. Units convert within a dimension; weight and volume also convert into each other through an inventory item's density (g/ml). */
export type UnitDimension =
  | 'COUNT'
  | 'LENGTH'
  | 'VOLUME'
  | 'WEIGHT';

/** Every code a userError of the units operations can carry. */
export type UnitUserErrorCode =
  /** A required value is missing or empty. */
  | 'BLANK'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** The organization has as many of these as it may have. */
  | 'LIMIT_REACHED'
  /** Another object of the organization has this name. */
  | 'NAME_TAKEN'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The value must be greater than zero. */
  | 'NOT_POSITIVE'
  /** The number is outside the range the field allows. */
  | 'OUT_OF_RANGE'
  /** A custom unit cannot take the name of a built-in unit. */
  | 'SHADOWS_BUILT_IN'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The number has more decimal places than the field allows. */
  | 'TOO_PRECISE'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT'
  /** The units cannot be converted into each other (a volume and a mass need a density). */
  | 'UNIT_CONVERSION_FAILED'
  /** The unit is neither built in nor one of the organization's. */
  | 'UNKNOWN_UNIT';

/** Why a line of a planned cost is not priced in full. */
export type UnpricedReason =
  /** Part of it can be drawn and is priced; `short` is the rest. */
  | 'INSUFFICIENT_STOCK'
  /** Its unit does not convert to the item's base unit now (say, a density was cleared); nothing of it is priced. */
  | 'NO_CONVERSION'
  /** Nothing of the item can be drawn now; nothing of it is priced. */
  | 'NO_STOCK';

/** Only the fields given change; null clears an optional one. */
export type UpdateInventoryItemInput = {
  /** GTIN, UPC, EAN or any code the maker scans: trimmed, unique in the organization (BARCODE_TAKEN); empty or null: none. */
  barcode?: string | null | undefined;
  baseUnit?: string | null | undefined;
  containerCapacity?: QuantityInput | null | undefined;
  costingMethod?: CostingMethod | null | undefined;
  defaultVendor?: string | null | undefined;
  density?: string | null | undefined;
  id: string | number;
  leadTimeDays?: number | null | undefined;
  lowStockThreshold?: string | null | undefined;
  name?: string | null | undefined;
  perishable?: boolean | null | undefined;
  quantityPrecision?: number | null | undefined;
  salePrice?: string | null | undefined;
  setUnitCost?: string | null | undefined;
  shelfLifeDays?: number | null | undefined;
  /** Stock keeping unit, as the shop platforms have it: trimmed, case matters, unique in the organization (SKU_TAKEN); empty or null: none. */
  sku?: string | null | undefined;
  tracked?: boolean | null | undefined;
  type?: InventoryItemType | null | undefined;
};

export type UpdateMemberRoleInput = {
  id: string | number;
  role: Role;
};

export type UpdateOrganizationInput = {
  /** Null: unchanged. Batches started from now on use it. */
  costMethod?: CostMethod | null | undefined;
  /** Null: unchanged. Refused (CURRENCY_LOCKED) once any stock has been received: recorded costs and reports are amounts in the current currency. */
  currencyCode?: CurrencyCode | null | undefined;
  /** Null: unchanged. */
  name?: string | null | undefined;
};

/** Changes the recipe the ID is a version of: its draft, or a new draft version after a published one. Only the fields given change; a list given replaces the list; null clears an optional field. */
export type UpdateRecipeInput = {
  category?: string | null | undefined;
  /** Items of type CONSUMABLE or PACKAGING, each once. */
  consumables?: Array<RecipeLineInput> | null | undefined;
  /** Items of type CONTAINER, each once. */
  containers?: Array<RecipeContainerInput> | null | undefined;
  id: string | number;
  /** Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once. */
  ingredients?: Array<RecipeLineInput> | null | undefined;
  /** 1 to 12 letters A-Z or digits, such as SOAP (upper-cased). */
  labelPrefix?: string | null | undefined;
  name?: string | null | undefined;
  notes?: string | null | undefined;
  /** An item of type PRODUCT or INTERMEDIATE. */
  outputItemId?: string | number | null | undefined;
  portioning?: RecipePortioningInput | null | undefined;
  /** How much of the output one batch makes; converts for the output item. */
  predictedYield?: QuantityInput | null | undefined;
  /** The recipe's own steps, in order; a list given replaces them. */
  steps?: Array<RecipeStepInput> | null | undefined;
};

/** Only the fields given change; a null description clears it, other nulls change nothing. */
export type UpdateWebhookEndpointInput = {
  description?: string | null | undefined;
  /** Enabling clears the disabled reason and the failing state. */
  enabled?: boolean | null | undefined;
  eventTypes?: Array<string> | null | undefined;
  id: string | number;
  url?: string | null | undefined;
};

export type VerifyEmailInput = {
  /** The bt_verify_... token from the email. */
  token: string;
};

/** What one attempt led to. */
export type WebhookAttemptOutcome =
  /** Failed, and it was the last attempt. */
  | 'FAILED'
  /** The endpoint answered 410 Gone. */
  | 'GONE'
  /** Failed; another attempt is scheduled. */
  | 'RETRY'
  /** Reported after another attempt had finished the delivery. */
  | 'STALE'
  | 'SUCCEEDED';

export type WebhookDeliveryStatus =
  /** Out of retries, or the endpoint is gone (410). */
  | 'FAILED'
  /** Not delivered yet; retried on schedule. */
  | 'PENDING'
  /** Delivered by a redelivery (redeliverWebhook) of the same event, which succeeded (redeliveredBy); this delivery's own retries stopped. */
  | 'REDELIVERED'
  /** The endpoint answered 2xx. */
  | 'SUCCEEDED';

/** Why an endpoint receives nothing. */
export type WebhookEndpointDisabledReason =
  /** Disabled with updateWebhookEndpoint. */
  | 'BY_USER'
  /** Every delivery failed for days; the owners were emailed. */
  | 'FAILING'
  /** The endpoint answered 410 Gone. */
  | 'GONE';

/** Every code a userError of the webhooks operations can carry. */
export type WebhookUserErrorCode =
  /** A required value is missing or empty. */
  | 'BLANK'
  /** The webhook endpoint is disabled; enable it first. */
  | 'ENDPOINT_DISABLED'
  /** The URL must use https. */
  | 'HTTPS_REQUIRED'
  /** The value is not acceptable as given (the message says why). */
  | 'INVALID'
  /** The currency is not an active ISO 4217 code. */
  | 'INVALID_CURRENCY'
  /** The cursor does not belong to this list. */
  | 'INVALID_CURSOR'
  /** The email address is not of the form name@example.com. */
  | 'INVALID_EMAIL'
  /** The event type filter is malformed. */
  | 'INVALID_EVENT_TYPE'
  /** The ID is malformed or names another type of object. */
  | 'INVALID_ID'
  /** The page arguments contradict each other or are out of range. */
  | 'INVALID_PAGINATION'
  /** The period ends before it begins. */
  | 'INVALID_PERIOD'
  /** The URL is not an absolute http(s) URL without credentials. */
  | 'INVALID_URL'
  /** The organization has as many of these as it may have. */
  | 'LIMIT_REACHED'
  /** Nothing with this ID exists in the organization. */
  | 'NOT_FOUND'
  /** The organization's plan allows no more of these (the message gives the limit and the usage); upgrade the plan or buy an add-on. */
  | 'PLAN_LIMIT_REACHED'
  /** The text is longer than the field allows. */
  | 'TOO_LONG'
  /** The list has more entries than the field allows. */
  | 'TOO_MANY'
  /** The replay covers more events than one replay may send. */
  | 'TOO_MANY_EVENTS'
  /** The text is shorter than the field allows. */
  | 'TOO_SHORT'
  /** The webhook event type is not in the event catalog. */
  | 'UNKNOWN_EVENT_TYPE'
  /** The URL resolves to a private or reserved address. */
  | 'URL_NOT_ALLOWED';

export type WriteOffExpiredLotsInput = {
  /** Only this item; default: every item. */
  itemId?: string | number | null | undefined;
};

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'Batch', id: string }
    | { __typename: 'CustomUnit', id: string }
    | { __typename: 'Event', id: string }
    | { __typename: 'InventoryItem', id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }
    | { __typename: 'InventoryLedgerEntry', id: string }
    | { __typename: 'InventoryLot', id: string }
    | { __typename: 'InventoryReservation', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'Recipe', id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> }
    | { __typename: 'Session', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'Batch', id: string }
    | { __typename: 'CustomUnit', id: string }
    | { __typename: 'Event', id: string }
    | { __typename: 'InventoryItem', id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }
    | { __typename: 'InventoryLedgerEntry', id: string }
    | { __typename: 'InventoryLot', id: string }
    | { __typename: 'InventoryReservation', id: string }
    | { __typename: 'Invitation', id: string }
    | { __typename: 'Member', id: string }
    | { __typename: 'Organization', id: string }
    | { __typename: 'Recipe', id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> }
    | { __typename: 'Session', id: string }
    | { __typename: 'User', id: string }
    | { __typename: 'WebhookDelivery', id: string }
    | { __typename: 'WebhookEndpoint', id: string }
   | null> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role | null, permissions: Array<ApiKeyScope>, organization: { id: string, name: string, currencyCode: CurrencyCode, createdAt: string }, user: { id: string, email: string, name: string, createdAt: string } | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } | null } };

export type ApiKeysQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ApiKeysQuery = { apiKeys: { nodes: Array<{ id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MembersQuery = { members: { nodes: Array<{ id: string, role: Role, createdAt: string, user: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UnitsQueryVariables = Exact<{
  dimension?: UnitDimension | null | undefined;
}>;


export type UnitsQuery = { units: Array<
    | { __typename: 'BuiltInUnit', name: string, dimension: UnitDimension, isCustom: boolean, factorToBase: string, baseUnit: string, definedAs: { amount: string, unit: string } | null }
    | { __typename: 'CustomUnit', name: string, dimension: UnitDimension, isCustom: boolean, factorToBase: string, baseUnit: string, definedAs: { amount: string, unit: string } | null }
  > };

export type ConvertQuantityQueryVariables = Exact<{
  quantity: QuantityInput;
  toUnit: string;
  itemId?: string | number | null | undefined;
}>;


export type ConvertQuantityQuery = { convertQuantity: { exact: boolean | null, quantity: { amount: string, unit: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UnitUserErrorCode }> } };

export type InventoryItemsQueryVariables = Exact<{
  filter?: InventoryItemFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type InventoryItemsQuery = { inventoryItems: { nodes: Array<{ id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InventoryItemQueryVariables = Exact<{
  id: string | number;
}>;


export type InventoryItemQuery = { inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null };

export type InventoryItemBySkuQueryVariables = Exact<{
  sku: string;
}>;


export type InventoryItemBySkuQuery = { inventoryItemBySku: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null };

export type InventoryLotsQueryVariables = Exact<{
  itemId?: string | number | null | undefined;
  includeEmpty: boolean;
  expiresBefore?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type InventoryLotsQuery = { inventoryLots: { nodes: Array<{ id: string, lotCode: string, source: InventoryChangeType, vendor: string | null, receivedAt: string, expiresAt: string | null, isExpired: boolean, quantityReceived: { amount: string, unit: string }, remaining: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, totalCost: { amount: string, currencyCode: CurrencyCode }, remainingValue: { amount: string, currencyCode: CurrencyCode }, item: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InventoryHistoryQueryVariables = Exact<{
  itemId?: string | number | null | undefined;
  lotId?: string | number | null | undefined;
  changeTypes?: Array<InventoryChangeType> | InventoryChangeType | null | undefined;
  reference?: string | null | undefined;
  since?: string | null | undefined;
  until?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type InventoryHistoryQuery = { inventoryHistory: { nodes: Array<{ id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InventoryReservationsQueryVariables = Exact<{
  itemId?: string | number | null | undefined;
  status?: ReservationStatus | null | undefined;
  orderReference?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type InventoryReservationsQuery = { inventoryReservations: { nodes: Array<{ id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type EffectiveCostQueryVariables = Exact<{
  itemId: string | number;
  from: string;
  to: string;
}>;


export type EffectiveCostQuery = { effectiveCost: { itemId: string, itemName: string, periodStart: string, periodEnd: string, spent: { amount: string, currencyCode: CurrencyCode }, purchasedQuantity: { amount: string, unit: string }, wastedQuantity: { amount: string, unit: string }, wasteCost: { amount: string, currencyCode: CurrencyCode }, usedQuantity: { amount: string, unit: string }, effectiveCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, purchaseCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null } | null };

export type SpoilageReportQueryVariables = Exact<{
  from: string;
  to: string;
  itemId?: string | number | null | undefined;
}>;


export type SpoilageReportQuery = { spoilageReport: { periodStart: string, periodEnd: string, months: Array<{ itemId: string, itemName: string, month: string, shareOfPurchased: string | null, spoiledQuantity: { amount: string, unit: string }, trashedQuantity: { amount: string, unit: string }, expiredQuantity: { amount: string, unit: string }, wastedQuantity: { amount: string, unit: string }, purchasedQuantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode } }>, totalCost: { amount: string, currencyCode: CurrencyCode } } };

export type PurchaseHistoryQueryVariables = Exact<{
  itemId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type PurchaseHistoryQuery = { purchaseHistory: { nodes: Array<{ lotId: string, lotCode: string, receivedAt: string, vendor: string | null, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, totalCost: { amount: string, currencyCode: CurrencyCode } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type VendorPriceHistoryQueryVariables = Exact<{
  itemId: string | number;
}>;


export type VendorPriceHistoryQuery = { vendorPriceHistory: Array<{ vendor: string | null, unit: string, purchaseCount: number, firstPurchasedAt: string, lastPurchasedAt: string, firstUnitCost: { amount: string, currencyCode: CurrencyCode }, lastUnitCost: { amount: string, currencyCode: CurrencyCode }, minUnitCost: { amount: string, currencyCode: CurrencyCode }, maxUnitCost: { amount: string, currencyCode: CurrencyCode } }> | null };

export type ReorderSuggestionsQueryVariables = Exact<{
  lookbackDays: number;
}>;


export type ReorderSuggestionsQuery = { reorderSuggestions: Array<{ itemId: string, itemName: string, lookbackDays: number, leadTimeDays: number, daysOfCover: string | null, available: { amount: string, unit: string }, usable: { amount: string, unit: string }, lowStockThreshold: { amount: string, unit: string }, usage: { amount: string, unit: string }, averageDailyUsage: { amount: string, unit: string }, suggestedQuantity: { amount: string, unit: string } }> };

export type RecipesQueryVariables = Exact<{
  filter?: RecipeFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type RecipesQuery = { recipes: { nodes: Array<{ id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RecipeQueryVariables = Exact<{
  id: string | number;
}>;


export type RecipeQuery = { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, plannedCost: { complete: boolean, sufficient: boolean, total: { amount: string, currencyCode: CurrencyCode }, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null }, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null };

export type RecipeCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type RecipeCategoriesQuery = { recipeCategories: Array<string> };

export type WebhookEndpointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: { nodes: Array<{ id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: WebhookEndpointDisabledReason | null, createdAt: string, updatedAt: string, failingSince: string | null, secretRotatedUntil: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookDeliveriesQueryVariables = Exact<{
  endpointId?: string | number | null | undefined;
  status?: WebhookDeliveryStatus | null | undefined;
  eventType?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { nodes: Array<{ id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, completedAt: string | null, endpoint: { id: string }, attempts: Array<{ attemptedAt: string, durationMs: number, statusCode: number | null, responseBody: string | null, error: string | null, outcome: WebhookAttemptOutcome }>, event: { id: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WebhookEventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEventTypesQuery = { webhookEventTypes: Array<{ name: string, description: string, dataSchema: unknown, example: unknown }> };

export type EventsQueryVariables = Exact<{
  types?: Array<string> | string | null | undefined;
  entityType?: string | null | undefined;
  entityId?: string | number | null | undefined;
  afterPosition?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type EventsQuery = { events: { nodes: Array<{ id: string, eventId: string, type: string, entityType: string, entityId: string, sequence: number, apiVersion: string, createdAt: string, position: string, data: unknown, organizationId: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string | null, expiresAt: string | null, user: { id: string, email: string, name: string, createdAt: string } | null, organization: { id: string, name: string, currencyCode: CurrencyCode, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { logIn: { token: string | null, expiresAt: string | null, user: { id: string, email: string, name: string, createdAt: string } | null, organization: { id: string, name: string, currencyCode: CurrencyCode, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { logOut: { loggedOut: boolean, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { user: { id: string, email: string, name: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { token: string | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { inviteMember: { invitation: { id: string, email: string, role: Role, createdAt: string, expiresAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { token: string | null, member: { id: string, role: Role, createdAt: string, user: { id: string } } | null, organization: { id: string, name: string, currencyCode: CurrencyCode, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type UpdateMemberRoleMutationVariables = Exact<{
  input: UpdateMemberRoleInput;
}>;


export type UpdateMemberRoleMutation = { updateMemberRole: { member: { id: string, role: Role, createdAt: string, user: { id: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type RemoveMemberMutation = { removeMember: { removedMemberId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type UpdateOrganizationMutationVariables = Exact<{
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { organization: { id: string, name: string, currencyCode: CurrencyCode, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type CreateCustomUnitMutationVariables = Exact<{
  input: CreateCustomUnitInput;
}>;


export type CreateCustomUnitMutation = { createCustomUnit: { customUnit: { id: string, name: string, dimension: UnitDimension, isCustom: boolean, factorToBase: string, baseUnit: string, createdAt: string, definedAs: { amount: string, unit: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UnitUserErrorCode }> } };

export type CreateInventoryItemMutationVariables = Exact<{
  input: CreateInventoryItemInput;
}>;


export type CreateInventoryItemMutation = { createInventoryItem: { inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type UpdateInventoryItemMutationVariables = Exact<{
  input: UpdateInventoryItemInput;
}>;


export type UpdateInventoryItemMutation = { updateInventoryItem: { inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type SetItemDensityMutationVariables = Exact<{
  input: SetItemDensityInput;
}>;


export type SetItemDensityMutation = { setItemDensity: { inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type ArchiveInventoryItemMutationVariables = Exact<{
  input: ArchiveInventoryItemInput;
}>;


export type ArchiveInventoryItemMutation = { archiveInventoryItem: { inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type ReceiveInventoryMutationVariables = Exact<{
  input: ReceiveInventoryInput;
}>;


export type ReceiveInventoryMutation = { receiveInventory: { lot: { id: string, lotCode: string, source: InventoryChangeType, vendor: string | null, receivedAt: string, expiresAt: string | null, isExpired: boolean, quantityReceived: { amount: string, unit: string }, remaining: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, totalCost: { amount: string, currencyCode: CurrencyCode }, remainingValue: { amount: string, currencyCode: CurrencyCode }, item: { id: string } } | null, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, ledgerEntries: Array<{ id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null }>, enteredQuantity: { amount: string, unit: string } | null, recordedQuantity: { amount: string, unit: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type AdjustInventoryMutationVariables = Exact<{
  input: AdjustInventoryInput;
}>;


export type AdjustInventoryMutation = { adjustInventory: { adjustment: { changeType: InventoryChangeType, operationId: string, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, ledgerEntries: Array<{ id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null }>, shortenedReservations: Array<{ id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } }> } | null, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, shortages: Array<{ requested: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, enteredQuantity: { amount: string, unit: string } | null, recordedQuantity: { amount: string, unit: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type WriteOffExpiredLotsMutationVariables = Exact<{
  input?: WriteOffExpiredLotsInput | null | undefined;
}>;


export type WriteOffExpiredLotsMutation = { writeOffExpiredLots: { adjustments: Array<{ changeType: InventoryChangeType, operationId: string, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, ledgerEntries: Array<{ id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null }>, shortenedReservations: Array<{ id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } }> }>, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type ReserveInventoryMutationVariables = Exact<{
  input: ReserveInventoryInput;
}>;


export type ReserveInventoryMutation = { reserveInventory: { reservation: { id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } } | null, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type ReleaseReservationMutationVariables = Exact<{
  input: ReservationInput;
}>;


export type ReleaseReservationMutation = { releaseReservation: { reservation: { id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } } | null, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type FulfilReservationMutationVariables = Exact<{
  input: FulfilReservationInput;
}>;


export type FulfilReservationMutation = { fulfilReservation: { reservation: { id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } } | null, adjustment: { changeType: InventoryChangeType, operationId: string, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, ledgerEntries: Array<{ id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null }>, shortenedReservations: Array<{ id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: InventoryUserErrorCode }> } };

export type CreateRecipeMutationVariables = Exact<{
  input: CreateRecipeInput;
}>;


export type CreateRecipeMutation = { createRecipe: { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type UpdateRecipeMutationVariables = Exact<{
  input: UpdateRecipeInput;
}>;


export type UpdateRecipeMutation = { updateRecipe: { newVersion: boolean | null, changedFields: Array<string> | null, recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type PublishRecipeMutationVariables = Exact<{
  input: RecipeInput;
}>;


export type PublishRecipeMutation = { publishRecipe: { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type ArchiveRecipeMutationVariables = Exact<{
  input: RecipeInput;
}>;


export type ArchiveRecipeMutation = { archiveRecipe: { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type CreateRecipeVariationMutationVariables = Exact<{
  input: CreateRecipeVariationInput;
}>;


export type CreateRecipeVariationMutation = { createRecipeVariation: { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type CreateRecipeTestMutationVariables = Exact<{
  input: CreateRecipeTestInput;
}>;


export type CreateRecipeTestMutation = { createRecipeTest: { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type PromoteRecipeTestMutationVariables = Exact<{
  input: PromoteRecipeTestInput;
}>;


export type PromoteRecipeTestMutation = { promoteRecipeTest: { recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, test: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type OverrideRecipeStepMutationVariables = Exact<{
  input: OverrideRecipeStepInput;
}>;


export type OverrideRecipeStepMutation = { overrideRecipeStep: { newVersion: boolean | null, changedFields: Array<string> | null, recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type RevertRecipeStepMutationVariables = Exact<{
  input: RevertRecipeStepInput;
}>;


export type RevertRecipeStepMutation = { revertRecipeStep: { newVersion: boolean | null, changedFields: Array<string> | null, recipe: { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: RecipeUserErrorCode }> } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string | null, webhookEndpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: WebhookEndpointDisabledReason | null, createdAt: string, updatedAt: string, failingSince: string | null, secretRotatedUntil: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointMutation = { updateWebhookEndpoint: { webhookEndpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: WebhookEndpointDisabledReason | null, createdAt: string, updatedAt: string, failingSince: string | null, secretRotatedUntil: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  input: DeleteWebhookEndpointInput;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: { deletedWebhookEndpointId: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type RotateWebhookSecretMutationVariables = Exact<{
  input: RotateWebhookSecretInput;
}>;


export type RotateWebhookSecretMutation = { rotateWebhookSecret: { secret: string | null, webhookEndpoint: { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: WebhookEndpointDisabledReason | null, createdAt: string, updatedAt: string, failingSince: string | null, secretRotatedUntil: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type SendTestWebhookMutationVariables = Exact<{
  input: SendTestWebhookInput;
}>;


export type SendTestWebhookMutation = { sendTestWebhook: { delivery: { id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, completedAt: string | null, endpoint: { id: string }, attempts: Array<{ attemptedAt: string, durationMs: number, statusCode: number | null, responseBody: string | null, error: string | null, outcome: WebhookAttemptOutcome }>, event: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type RedeliverWebhookMutationVariables = Exact<{
  input: RedeliverWebhookInput;
}>;


export type RedeliverWebhookMutation = { redeliverWebhook: { delivery: { id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, completedAt: string | null, endpoint: { id: string }, attempts: Array<{ attemptedAt: string, durationMs: number, statusCode: number | null, responseBody: string | null, error: string | null, outcome: WebhookAttemptOutcome }>, event: { id: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type ReplayWebhookEventsMutationVariables = Exact<{
  input: ReplayWebhookEventsInput;
}>;


export type ReplayWebhookEventsMutation = { replayWebhookEvents: { deliveryCount: number, deliveries: Array<{ id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, completedAt: string | null, endpoint: { id: string }, attempts: Array<{ attemptedAt: string, durationMs: number, statusCode: number | null, responseBody: string | null, error: string | null, outcome: WebhookAttemptOutcome }>, event: { id: string } | null }>, userErrors: Array<{ field: Array<string> | null, message: string, code: WebhookUserErrorCode }> } };

export type ApiKeyFieldsFragment = { id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type EventFieldsFragment = { id: string, eventId: string, type: string, entityType: string, entityId: string, sequence: number, apiVersion: string, createdAt: string, position: string, data: unknown, organizationId: string };

export type InventoryAdjustmentFieldsFragment = { changeType: InventoryChangeType, operationId: string, inventoryItem: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } }, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, ledgerEntries: Array<{ id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null }>, shortenedReservations: Array<{ id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } }> };

export type InventoryItemFieldsFragment = { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } };

export type InventoryLedgerEntryFieldsFragment = { id: string, operationId: string, changeType: InventoryChangeType, note: string | null, reference: string | null, actorUserId: string | null, actorApiKeyId: string | null, createdAt: string, quantity: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, value: { amount: string, currencyCode: CurrencyCode }, onHandAfter: { amount: string, unit: string }, valueAfter: { amount: string, currencyCode: CurrencyCode }, item: { id: string }, lot: { id: string } | null };

export type InventoryLotFieldsFragment = { id: string, lotCode: string, source: InventoryChangeType, vendor: string | null, receivedAt: string, expiresAt: string | null, isExpired: boolean, quantityReceived: { amount: string, unit: string }, remaining: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, totalCost: { amount: string, currencyCode: CurrencyCode }, remainingValue: { amount: string, currencyCode: CurrencyCode }, item: { id: string } };

export type InventoryReservationFieldsFragment = { id: string, orderReference: string, status: ReservationStatus, expiresAt: string | null, closedAt: string | null, createdAt: string, quantity: { amount: string, unit: string }, fulfilled: { amount: string, unit: string }, shortQuantity: { amount: string, unit: string }, remaining: { amount: string, unit: string }, item: { id: string } };

export type MemberFieldsFragment = { id: string, role: Role, createdAt: string, user: { id: string } };

export type MoneyFieldsFragment = { amount: string, currencyCode: CurrencyCode };

export type OrganizationFieldsFragment = { id: string, name: string, currencyCode: CurrencyCode, createdAt: string };

export type QuantityFieldsFragment = { amount: string, unit: string };

export type RecipeFieldsFragment = { id: string, version: number, isCurrent: boolean, kind: RecipeKind, status: RecipeStatus, name: string, category: string | null, notes: string | null, labelPrefix: string | null, createdAt: string, updatedAt: string, publishedAt: string | null, archivedAt: string | null, predictedYield: { amount: string, unit: string }, portioning: { name: string, count: number, size: { amount: string, unit: string } } | null, outputItem: { id: string }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } }>, containers: Array<{ capacity: { amount: string, unit: string }, item: { id: string } }>, steps: Array<{ key: string, position: number, text: string, durationMinutes: number | null, overridden: boolean, temperature: { value: string, unit: TemperatureUnit } | null }> };

export type UserFieldsFragment = { id: string, email: string, name: string, createdAt: string };

export type WebhookDeliveryFieldsFragment = { id: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, attemptCount: number, nextAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, createdAt: string, completedAt: string | null, endpoint: { id: string }, attempts: Array<{ attemptedAt: string, durationMs: number, statusCode: number | null, responseBody: string | null, error: string | null, outcome: WebhookAttemptOutcome }>, event: { id: string } | null };

export type WebhookEndpointFieldsFragment = { id: string, url: string, description: string | null, eventTypes: Array<string>, enabled: boolean, disabledReason: WebhookEndpointDisabledReason | null, createdAt: string, updatedAt: string, failingSince: string | null, secretRotatedUntil: string | null };

export type RecipeLineFieldsFragment = { position: number, note: string | null, quantity: { amount: string, unit: string }, item: { id: string } };

export type BatchesQueryVariables = Exact<{
  filter?: BatchFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type BatchesQuery = { batches: { nodes: Array<{ id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TraceLotQueryVariables = Exact<{
  id: string | number;
  direction: TraceDirection;
  maxDepth: number;
}>;


export type TraceLotQuery = { traceLot: { direction: TraceDirection, lots: Array<{ depth: number, lot: { id: string, lotCode: string, source: InventoryChangeType, vendor: string | null, receivedAt: string, expiresAt: string | null, isExpired: boolean, quantityReceived: { amount: string, unit: string }, remaining: { amount: string, unit: string }, unitCost: { amount: string, currencyCode: CurrencyCode }, totalCost: { amount: string, currencyCode: CurrencyCode }, remainingValue: { amount: string, currencyCode: CurrencyCode }, item: { id: string } }, item: { id: string, name: string, sku: string | null }, viaBatch: { id: string, label: string, status: BatchStatus } | null }>, batches: Array<{ depth: number, batch: { id: string, label: string, status: BatchStatus, startedAt: string, finishedAt: string | null } }>, sales: Array<{ depth: number, orderReference: string | null, at: string, quantity: { amount: string, unit: string }, lot: { id: string, lotCode: string } }> } | null };

export type BatchQueryVariables = Exact<{
  id: string | number;
}>;


export type BatchQuery = { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, instructions: { steps: Array<{ position: number, key: string, text: string, durationMinutes: number | null, temperature: { value: string, unit: TemperatureUnit } | null }>, checklist: Array<{ position: number, kind: BatchLineKind, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, item: { id: string, name: string }, draws: Array<{ quantity: { amount: string, unit: string }, lot: { id: string, lotCode: string, vendor: string | null, expiresAt: string | null } }> }> }, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null };

export type PlanBatchMutationVariables = Exact<{
  input: PlanBatchInput;
}>;


export type PlanBatchMutation = { planBatch: { plan: { scaled: { factor: string, factorExact: boolean, portionCount: string | null, predictedYield: { amount: string, unit: string, exact: boolean, problem: string | null, baseQuantity: { amount: string, unit: string } | null }, ingredients: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string, exact: boolean, problem: string | null }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, consumables: Array<{ position: number, note: string | null, quantity: { amount: string, unit: string, exact: boolean, problem: string | null }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, plannedCost: { complete: boolean, sufficient: boolean, costMethod: CostMethod, total: { amount: string, currencyCode: CurrencyCode }, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, lines: Array<{ position: number, isConsumable: boolean, unpriced: UnpricedReason | null, reason: string | null }>, containers: Array<{ count: number | null, unpriced: UnpricedReason | null, reason: string | null }> } }, plannedCost: { complete: boolean, sufficient: boolean, costMethod: CostMethod, total: { amount: string, currencyCode: CurrencyCode }, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, lines: Array<{ position: number, isConsumable: boolean, unpriced: UnpricedReason | null, reason: string | null, quantity: { amount: string, unit: string } | null, cost: { amount: string, currencyCode: CurrencyCode }, available: { amount: string, unit: string } | null, short: { amount: string, unit: string } | null, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, containers: Array<{ count: number | null, unpriced: UnpricedReason | null, reason: string | null, capacity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }> }, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type StartBatchMutationVariables = Exact<{
  input: StartBatchInput;
}>;


export type StartBatchMutation = { startBatch: { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type AddBatchIngredientsMutationVariables = Exact<{
  input: AddBatchIngredientsInput;
}>;


export type AddBatchIngredientsMutation = { addBatchIngredients: { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type SplitBatchMutationVariables = Exact<{
  input: SplitBatchInput;
}>;


export type SplitBatchMutation = { splitBatch: { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null, variations: Array<{ id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> }>, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type FinishBatchMutationVariables = Exact<{
  input: FinishBatchInput;
}>;


export type FinishBatchMutation = { finishBatch: { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type CancelBatchMutationVariables = Exact<{
  input: CancelBatchInput;
}>;


export type CancelBatchMutation = { cancelBatch: { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type FailBatchMutationVariables = Exact<{
  input: FailBatchInput;
}>;


export type FailBatchMutation = { failBatch: { batch: { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> } | null, shortages: Array<{ needed: { amount: string, unit: string }, available: { amount: string, unit: string }, item: { id: string, name: string, type: InventoryItemType, baseUnit: string, quantityPrecision: number, density: string | null, shelfLifeDays: number | null, perishable: boolean, defaultVendor: string | null, sku: string | null, barcode: string | null, costingMethod: CostingMethod, leadTimeDays: number | null, archived: boolean, archivedAt: string | null, createdAt: string, updatedAt: string, lowStockSince: string | null, isLowStock: boolean, lowStockThreshold: { amount: string, unit: string } | null, containerCapacity: { amount: string, unit: string } | null, onHand: { amount: string, unit: string }, reserved: { amount: string, unit: string }, available: { amount: string, unit: string }, stockValue: { amount: string, currencyCode: CurrencyCode }, averageCostPerUnit: { amount: string, currencyCode: CurrencyCode } | null, usable: { amount: string, unit: string } } }>, userErrors: Array<{ field: Array<string> | null, message: string, code: BatchUserErrorCode }> } };

export type BatchFieldsFragment = { id: string, label: string, status: BatchStatus, costMethod: CostMethod, factor: string, plannedPortions: string | null, forced: boolean, shortageSummary: string | null, startedAt: string, finishedAt: string | null, cancelledAt: string | null, failedAt: string | null, failureReason: string | null, portions: number | null, variationName: string | null, percentage: string | null, plannedYield: { amount: string, unit: string } | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, ingredientCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, actualYield: { amount: string, unit: string } | null, recipe: { id: string }, outputItem: { id: string }, consumption: Array<{ position: number, kind: BatchLineKind, tracked: boolean, note: string | null, needed: { amount: string, unit: string }, drawn: { amount: string, unit: string }, skipped: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, draws: Array<{ quantity: { amount: string, unit: string }, value: { amount: string, currencyCode: CurrencyCode }, lot: { id: string } }>, item: { id: string } }>, outputs: Array<{ containerCount: number | null, quantity: { amount: string, unit: string }, cost: { amount: string, currencyCode: CurrencyCode }, containerCost: { amount: string, currencyCode: CurrencyCode }, lot: { id: string }, container: { id: string } | null }>, comparison: { yieldVariancePercent: string | null, marginPercent: string | null, plannedCost: { amount: string, currencyCode: CurrencyCode }, actualCost: { amount: string, currencyCode: CurrencyCode } | null, plannedYield: { amount: string, unit: string } | null, actualYield: { amount: string, unit: string } | null, costPerOutputUnit: { amount: string, currencyCode: CurrencyCode } | null, costPerPortion: { amount: string, currencyCode: CurrencyCode } | null, saleValue: { amount: string, currencyCode: CurrencyCode } | null, margin: { amount: string, currencyCode: CurrencyCode } | null }, parent: { id: string } | null, variations: Array<{ id: string }> };

export type SessionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type SessionsQuery = { sessions: { nodes: Array<{ id: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, ipAddress: string | null, userAgent: string | null, current: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PlansQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansQuery = { plans: { plans: Array<{ key: PlanKey, name: string, entitlements: { users: number | null, recipes: number | null, batchesPerMonth: number | null, webhookEndpoints: number | null, apiKeys: number | null, historyDays: number | null, apiAccess: boolean, advancedReports: boolean }, throttle: { maximumAvailable: number, restoreRate: number }, prices: Array<{ interval: BillingInterval, lookupKey: string, price: { amount: string, currencyCode: CurrencyCode } }> }>, addOns: Array<{ key: string, name: string, description: string, prices: Array<{ interval: BillingInterval, lookupKey: string, price: { amount: string, currencyCode: CurrencyCode } }> }> } };

export type SubscriptionQueryVariables = Exact<{ [key: string]: never; }>;


export type SubscriptionQuery = { subscription: { billingConfigured: boolean, plan: PlanKey, status: SubscriptionStatus, interval: BillingInterval | null, currentPeriodEnd: string | null, cancelAtPeriodEnd: boolean, graceEndsAt: string | null, restricted: boolean, exempt: boolean, suspended: boolean, historySince: string | null, addOns: Array<{ key: string, quantity: number }>, entitlements: { users: number | null, recipes: number | null, batchesPerMonth: number | null, webhookEndpoints: number | null, apiKeys: number | null, historyDays: number | null, apiAccess: boolean, advancedReports: boolean }, usage: Array<{ limit: PlanLimit, allowed: number | null, used: number | null }> } };

export type VerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type VerifyEmailMutation = { verifyEmail: { user: { id: string, email: string, name: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type SendVerificationEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type SendVerificationEmailMutation = { sendVerificationEmail: { user: { id: string, email: string, name: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: { requested: boolean, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: { user: { id: string, email: string, name: string, createdAt: string } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type RotateApiKeyMutationVariables = Exact<{
  input: RotateApiKeyInput;
}>;


export type RotateApiKeyMutation = { rotateApiKey: { token: string | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type RevokeSessionMutationVariables = Exact<{
  input: RevokeSessionInput;
}>;


export type RevokeSessionMutation = { revokeSession: { session: { id: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, ipAddress: string | null, userAgent: string | null, current: boolean } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type RevokeOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeOtherSessionsMutation = { revokeOtherSessions: { revokedCount: number, userErrors: Array<{ field: Array<string> | null, message: string, code: AccountUserErrorCode }> } };

export type CreateCheckoutSessionMutationVariables = Exact<{
  input: CreateCheckoutSessionInput;
}>;


export type CreateCheckoutSessionMutation = { createCheckoutSession: { url: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: BillingUserErrorCode }> } };

export type CreateBillingPortalSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateBillingPortalSessionMutation = { createBillingPortalSession: { url: string | null, userErrors: Array<{ field: Array<string> | null, message: string, code: BillingUserErrorCode }> } };

export type CancelSubscriptionMutationVariables = Exact<{
  input: CancelSubscriptionInput;
}>;


export type CancelSubscriptionMutation = { cancelSubscription: { subscription: { billingConfigured: boolean, plan: PlanKey, status: SubscriptionStatus, interval: BillingInterval | null, currentPeriodEnd: string | null, cancelAtPeriodEnd: boolean, graceEndsAt: string | null, restricted: boolean, exempt: boolean, suspended: boolean, historySince: string | null, addOns: Array<{ key: string, quantity: number }>, entitlements: { users: number | null, recipes: number | null, batchesPerMonth: number | null, webhookEndpoints: number | null, apiKeys: number | null, historyDays: number | null, apiAccess: boolean, advancedReports: boolean }, usage: Array<{ limit: PlanLimit, allowed: number | null, used: number | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: BillingUserErrorCode }> } };

export type ResumeSubscriptionMutationVariables = Exact<{ [key: string]: never; }>;


export type ResumeSubscriptionMutation = { resumeSubscription: { subscription: { billingConfigured: boolean, plan: PlanKey, status: SubscriptionStatus, interval: BillingInterval | null, currentPeriodEnd: string | null, cancelAtPeriodEnd: boolean, graceEndsAt: string | null, restricted: boolean, exempt: boolean, suspended: boolean, historySince: string | null, addOns: Array<{ key: string, quantity: number }>, entitlements: { users: number | null, recipes: number | null, batchesPerMonth: number | null, webhookEndpoints: number | null, apiKeys: number | null, historyDays: number | null, apiAccess: boolean, advancedReports: boolean }, usage: Array<{ limit: PlanLimit, allowed: number | null, used: number | null }> } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: BillingUserErrorCode }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ApiKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"ApiKeyFields"}) as unknown as TypedDocumentString<ApiKeyFieldsFragment, unknown>;
export const EventFieldsFragmentDoc = new TypedDocumentString(`
    fragment EventFields on Event {
  id
  eventId
  type
  entityType
  entityId
  sequence
  apiVersion
  createdAt
  position
  data
  organizationId
}
    `, {"fragmentName":"EventFields"}) as unknown as TypedDocumentString<EventFieldsFragment, unknown>;
export const QuantityFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuantityFields on Quantity {
  amount
  unit
}
    `, {"fragmentName":"QuantityFields"}) as unknown as TypedDocumentString<QuantityFieldsFragment, unknown>;
export const MoneyFieldsFragmentDoc = new TypedDocumentString(`
    fragment MoneyFields on Money {
  amount
  currencyCode
}
    `, {"fragmentName":"MoneyFields"}) as unknown as TypedDocumentString<MoneyFieldsFragment, unknown>;
export const InventoryItemFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"InventoryItemFields"}) as unknown as TypedDocumentString<InventoryItemFieldsFragment, unknown>;
export const InventoryLedgerEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"InventoryLedgerEntryFields"}) as unknown as TypedDocumentString<InventoryLedgerEntryFieldsFragment, unknown>;
export const InventoryReservationFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"InventoryReservationFields"}) as unknown as TypedDocumentString<InventoryReservationFieldsFragment, unknown>;
export const InventoryAdjustmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryAdjustmentFields on InventoryAdjustment {
  inventoryItem {
    ...InventoryItemFields
  }
  changeType
  operationId
  quantity {
    ...QuantityFields
  }
  cost {
    ...MoneyFields
  }
  ledgerEntries {
    ...InventoryLedgerEntryFields
  }
  shortenedReservations {
    ...InventoryReservationFields
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"InventoryAdjustmentFields"}) as unknown as TypedDocumentString<InventoryAdjustmentFieldsFragment, unknown>;
export const InventoryLotFieldsFragmentDoc = new TypedDocumentString(`
    fragment InventoryLotFields on InventoryLot {
  id
  lotCode
  source
  vendor
  receivedAt
  expiresAt
  isExpired
  quantityReceived {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  totalCost {
    ...MoneyFields
  }
  remainingValue {
    ...MoneyFields
  }
  item {
    id
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"InventoryLotFields"}) as unknown as TypedDocumentString<InventoryLotFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  id
  user {
    id
  }
  role
  createdAt
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const OrganizationFieldsFragmentDoc = new TypedDocumentString(`
    fragment OrganizationFields on Organization {
  id
  name
  currencyCode
  createdAt
}
    `, {"fragmentName":"OrganizationFields"}) as unknown as TypedDocumentString<OrganizationFieldsFragment, unknown>;
export const RecipeLineFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"RecipeLineFields"}) as unknown as TypedDocumentString<RecipeLineFieldsFragment, unknown>;
export const RecipeFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`, {"fragmentName":"RecipeFields"}) as unknown as TypedDocumentString<RecipeFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  name
  createdAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventId
  eventType
  status
  attemptCount
  nextAttemptAt
  lastStatusCode
  lastError
  createdAt
  completedAt
  endpoint {
    id
  }
  attempts {
    attemptedAt
    durationMs
    statusCode
    responseBody
    error
    outcome
  }
  event {
    id
  }
}
    `, {"fragmentName":"WebhookDeliveryFields"}) as unknown as TypedDocumentString<WebhookDeliveryFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  createdAt
  updatedAt
  failingSince
  secretRotatedUntil
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const BatchFieldsFragmentDoc = new TypedDocumentString(`
    fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`, {"fragmentName":"BatchFields"}) as unknown as TypedDocumentString<BatchFieldsFragment, unknown>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on InventoryItem {
      ...InventoryItemFields
    }
    ... on Recipe {
      ...RecipeFields
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const NodesDocument = new TypedDocumentString(`
    query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    __typename
    id
    ... on InventoryItem {
      ...InventoryItemFields
    }
    ... on Recipe {
      ...RecipeFields
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<NodesQuery, NodesQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    organization {
      ...OrganizationFields
    }
    user {
      ...UserFields
    }
    role
    apiKey {
      ...ApiKeyFields
    }
    permissions
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}
fragment OrganizationFields on Organization {
  id
  name
  currencyCode
  createdAt
}
fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys($first: Int, $after: String, $last: Int, $before: String) {
  apiKeys(first: $first, after: $after, last: $last, before: $before) {
    nodes {
      ...ApiKeyFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members($first: Int, $after: String, $last: Int, $before: String) {
  members(first: $first, after: $after, last: $last, before: $before) {
    nodes {
      ...MemberFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MemberFields on Member {
  id
  user {
    id
  }
  role
  createdAt
}`) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const UnitsDocument = new TypedDocumentString(`
    query Units($dimension: UnitDimension) {
  units(dimension: $dimension) {
    __typename
    name
    dimension
    isCustom
    factorToBase
    baseUnit
    definedAs {
      ...QuantityFields
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<UnitsQuery, UnitsQueryVariables>;
export const ConvertQuantityDocument = new TypedDocumentString(`
    query ConvertQuantity($quantity: QuantityInput!, $toUnit: String!, $itemId: ID) {
  convertQuantity(quantity: $quantity, toUnit: $toUnit, itemId: $itemId) {
    quantity {
      ...QuantityFields
    }
    exact
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<ConvertQuantityQuery, ConvertQuantityQueryVariables>;
export const InventoryItemsDocument = new TypedDocumentString(`
    query InventoryItems($filter: InventoryItemFilter, $first: Int, $after: String, $last: Int, $before: String) {
  inventoryItems(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...InventoryItemFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<InventoryItemsQuery, InventoryItemsQueryVariables>;
export const InventoryItemDocument = new TypedDocumentString(`
    query InventoryItem($id: ID!) {
  inventoryItem(id: $id) {
    ...InventoryItemFields
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<InventoryItemQuery, InventoryItemQueryVariables>;
export const InventoryItemBySkuDocument = new TypedDocumentString(`
    query InventoryItemBySku($sku: String!) {
  inventoryItemBySku(sku: $sku) {
    ...InventoryItemFields
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<InventoryItemBySkuQuery, InventoryItemBySkuQueryVariables>;
export const InventoryLotsDocument = new TypedDocumentString(`
    query InventoryLots($itemId: ID, $includeEmpty: Boolean!, $expiresBefore: DateTime, $first: Int, $after: String, $last: Int, $before: String) {
  inventoryLots(
    itemId: $itemId
    includeEmpty: $includeEmpty
    expiresBefore: $expiresBefore
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...InventoryLotFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment InventoryLotFields on InventoryLot {
  id
  lotCode
  source
  vendor
  receivedAt
  expiresAt
  isExpired
  quantityReceived {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  totalCost {
    ...MoneyFields
  }
  remainingValue {
    ...MoneyFields
  }
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<InventoryLotsQuery, InventoryLotsQueryVariables>;
export const InventoryHistoryDocument = new TypedDocumentString(`
    query InventoryHistory($itemId: ID, $lotId: ID, $changeTypes: [InventoryChangeType!], $reference: String, $since: DateTime, $until: DateTime, $first: Int, $after: String, $last: Int, $before: String) {
  inventoryHistory(
    itemId: $itemId
    lotId: $lotId
    changeTypes: $changeTypes
    reference: $reference
    since: $since
    until: $until
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...InventoryLedgerEntryFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<InventoryHistoryQuery, InventoryHistoryQueryVariables>;
export const InventoryReservationsDocument = new TypedDocumentString(`
    query InventoryReservations($itemId: ID, $status: ReservationStatus, $orderReference: String, $first: Int, $after: String, $last: Int, $before: String) {
  inventoryReservations(
    itemId: $itemId
    status: $status
    orderReference: $orderReference
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...InventoryReservationFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<InventoryReservationsQuery, InventoryReservationsQueryVariables>;
export const EffectiveCostDocument = new TypedDocumentString(`
    query EffectiveCost($itemId: ID!, $from: DateTime!, $to: DateTime!) {
  effectiveCost(itemId: $itemId, from: $from, to: $to) {
    itemId
    itemName
    periodStart
    periodEnd
    spent {
      ...MoneyFields
    }
    purchasedQuantity {
      ...QuantityFields
    }
    wastedQuantity {
      ...QuantityFields
    }
    wasteCost {
      ...MoneyFields
    }
    usedQuantity {
      ...QuantityFields
    }
    effectiveCostPerUnit {
      ...MoneyFields
    }
    purchaseCostPerUnit {
      ...MoneyFields
    }
    averageCostPerUnit {
      ...MoneyFields
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<EffectiveCostQuery, EffectiveCostQueryVariables>;
export const SpoilageReportDocument = new TypedDocumentString(`
    query SpoilageReport($from: DateTime!, $to: DateTime!, $itemId: ID) {
  spoilageReport(from: $from, to: $to, itemId: $itemId) {
    periodStart
    periodEnd
    months {
      itemId
      itemName
      month
      spoiledQuantity {
        ...QuantityFields
      }
      trashedQuantity {
        ...QuantityFields
      }
      expiredQuantity {
        ...QuantityFields
      }
      wastedQuantity {
        ...QuantityFields
      }
      purchasedQuantity {
        ...QuantityFields
      }
      shareOfPurchased
      cost {
        ...MoneyFields
      }
    }
    totalCost {
      ...MoneyFields
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<SpoilageReportQuery, SpoilageReportQueryVariables>;
export const PurchaseHistoryDocument = new TypedDocumentString(`
    query PurchaseHistory($itemId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  purchaseHistory(
    itemId: $itemId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      lotId
      lotCode
      receivedAt
      vendor
      quantity {
        ...QuantityFields
      }
      unitCost {
        ...MoneyFields
      }
      totalCost {
        ...MoneyFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<PurchaseHistoryQuery, PurchaseHistoryQueryVariables>;
export const VendorPriceHistoryDocument = new TypedDocumentString(`
    query VendorPriceHistory($itemId: ID!) {
  vendorPriceHistory(itemId: $itemId) {
    vendor
    unit
    purchaseCount
    firstPurchasedAt
    lastPurchasedAt
    firstUnitCost {
      ...MoneyFields
    }
    lastUnitCost {
      ...MoneyFields
    }
    minUnitCost {
      ...MoneyFields
    }
    maxUnitCost {
      ...MoneyFields
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<VendorPriceHistoryQuery, VendorPriceHistoryQueryVariables>;
export const ReorderSuggestionsDocument = new TypedDocumentString(`
    query ReorderSuggestions($lookbackDays: Int!) {
  reorderSuggestions(lookbackDays: $lookbackDays) {
    itemId
    itemName
    available {
      ...QuantityFields
    }
    usable {
      ...QuantityFields
    }
    lowStockThreshold {
      ...QuantityFields
    }
    usage {
      ...QuantityFields
    }
    averageDailyUsage {
      ...QuantityFields
    }
    lookbackDays
    leadTimeDays
    daysOfCover
    suggestedQuantity {
      ...QuantityFields
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<ReorderSuggestionsQuery, ReorderSuggestionsQueryVariables>;
export const RecipesDocument = new TypedDocumentString(`
    query Recipes($filter: RecipeFilter, $first: Int, $after: String, $last: Int, $before: String) {
  recipes(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...RecipeFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<RecipesQuery, RecipesQueryVariables>;
export const RecipeDocument = new TypedDocumentString(`
    query Recipe($id: ID!) {
  recipe(id: $id) {
    ...RecipeFields
    plannedCost {
      total {
        ...MoneyFields
      }
      complete
      sufficient
      costPerOutputUnit {
        ...MoneyFields
      }
      costPerPortion {
        ...MoneyFields
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<RecipeQuery, RecipeQueryVariables>;
export const RecipeCategoriesDocument = new TypedDocumentString(`
    query RecipeCategories {
  recipeCategories
}
    `) as unknown as TypedDocumentString<RecipeCategoriesQuery, RecipeCategoriesQueryVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints($first: Int, $after: String, $last: Int, $before: String) {
  webhookEndpoints(first: $first, after: $after, last: $last, before: $before) {
    nodes {
      ...WebhookEndpointFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  createdAt
  updatedAt
  failingSince
  secretRotatedUntil
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookDeliveriesDocument = new TypedDocumentString(`
    query WebhookDeliveries($endpointId: ID, $status: WebhookDeliveryStatus, $eventType: String, $first: Int, $after: String, $last: Int, $before: String) {
  webhookDeliveries(
    endpointId: $endpointId
    status: $status
    eventType: $eventType
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...WebhookDeliveryFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventId
  eventType
  status
  attemptCount
  nextAttemptAt
  lastStatusCode
  lastError
  createdAt
  completedAt
  endpoint {
    id
  }
  attempts {
    attemptedAt
    durationMs
    statusCode
    responseBody
    error
    outcome
  }
  event {
    id
  }
}`) as unknown as TypedDocumentString<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhookEventTypesDocument = new TypedDocumentString(`
    query WebhookEventTypes {
  webhookEventTypes {
    name
    description
    dataSchema
    example
  }
}
    `) as unknown as TypedDocumentString<WebhookEventTypesQuery, WebhookEventTypesQueryVariables>;
export const EventsDocument = new TypedDocumentString(`
    query Events($types: [String!], $entityType: String, $entityId: ID, $afterPosition: UnsignedInt64, $first: Int, $after: String, $last: Int, $before: String) {
  events(
    types: $types
    entityType: $entityType
    entityId: $entityId
    afterPosition: $afterPosition
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...EventFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment EventFields on Event {
  id
  eventId
  type
  entityType
  entityId
  sequence
  apiVersion
  createdAt
  position
  data
  organizationId
}`) as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    user {
      ...UserFields
    }
    organization {
      ...OrganizationFields
    }
    token
    expiresAt
    userErrors {
      field
      message
      code
    }
  }
}
    fragment OrganizationFields on Organization {
  id
  name
  currencyCode
  createdAt
}
fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($input: LogInInput!) {
  logIn(input: $input) {
    user {
      ...UserFields
    }
    organization {
      ...OrganizationFields
    }
    token
    expiresAt
    userErrors {
      field
      message
      code
    }
  }
}
    fragment OrganizationFields on Organization {
  id
  name
  currencyCode
  createdAt
}
fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut {
  logOut {
    loggedOut
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    user {
      ...UserFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    token
    userErrors {
      field
      message
      code
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($input: RevokeApiKeyInput!) {
  revokeApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const InviteMemberDocument = new TypedDocumentString(`
    mutation InviteMember($input: InviteMemberInput!) {
  inviteMember(input: $input) {
    invitation {
      id
      email
      role
      createdAt
      expiresAt
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<InviteMemberMutation, InviteMemberMutationVariables>;
export const AcceptInvitationDocument = new TypedDocumentString(`
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) {
    member {
      ...MemberFields
    }
    organization {
      ...OrganizationFields
    }
    token
    userErrors {
      field
      message
      code
    }
  }
}
    fragment MemberFields on Member {
  id
  user {
    id
  }
  role
  createdAt
}
fragment OrganizationFields on Organization {
  id
  name
  currencyCode
  createdAt
}`) as unknown as TypedDocumentString<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const UpdateMemberRoleDocument = new TypedDocumentString(`
    mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {
  updateMemberRole(input: $input) {
    member {
      ...MemberFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment MemberFields on Member {
  id
  user {
    id
  }
  role
  createdAt
}`) as unknown as TypedDocumentString<UpdateMemberRoleMutation, UpdateMemberRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($input: RemoveMemberInput!) {
  removeMember(input: $input) {
    removedMemberId
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const UpdateOrganizationDocument = new TypedDocumentString(`
    mutation UpdateOrganization($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    organization {
      ...OrganizationFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment OrganizationFields on Organization {
  id
  name
  currencyCode
  createdAt
}`) as unknown as TypedDocumentString<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const CreateCustomUnitDocument = new TypedDocumentString(`
    mutation CreateCustomUnit($input: CreateCustomUnitInput!) {
  createCustomUnit(input: $input) {
    customUnit {
      id
      name
      dimension
      isCustom
      factorToBase
      baseUnit
      definedAs {
        ...QuantityFields
      }
      createdAt
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<CreateCustomUnitMutation, CreateCustomUnitMutationVariables>;
export const CreateInventoryItemDocument = new TypedDocumentString(`
    mutation CreateInventoryItem($input: CreateInventoryItemInput!) {
  createInventoryItem(input: $input) {
    inventoryItem {
      ...InventoryItemFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<CreateInventoryItemMutation, CreateInventoryItemMutationVariables>;
export const UpdateInventoryItemDocument = new TypedDocumentString(`
    mutation UpdateInventoryItem($input: UpdateInventoryItemInput!) {
  updateInventoryItem(input: $input) {
    inventoryItem {
      ...InventoryItemFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<UpdateInventoryItemMutation, UpdateInventoryItemMutationVariables>;
export const SetItemDensityDocument = new TypedDocumentString(`
    mutation SetItemDensity($input: SetItemDensityInput!) {
  setItemDensity(input: $input) {
    inventoryItem {
      ...InventoryItemFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<SetItemDensityMutation, SetItemDensityMutationVariables>;
export const ArchiveInventoryItemDocument = new TypedDocumentString(`
    mutation ArchiveInventoryItem($input: ArchiveInventoryItemInput!) {
  archiveInventoryItem(input: $input) {
    inventoryItem {
      ...InventoryItemFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<ArchiveInventoryItemMutation, ArchiveInventoryItemMutationVariables>;
export const ReceiveInventoryDocument = new TypedDocumentString(`
    mutation ReceiveInventory($input: ReceiveInventoryInput!) {
  receiveInventory(input: $input) {
    lot {
      ...InventoryLotFields
    }
    inventoryItem {
      ...InventoryItemFields
    }
    ledgerEntries {
      ...InventoryLedgerEntryFields
    }
    enteredQuantity {
      ...QuantityFields
    }
    recordedQuantity {
      ...QuantityFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
fragment InventoryLotFields on InventoryLot {
  id
  lotCode
  source
  vendor
  receivedAt
  expiresAt
  isExpired
  quantityReceived {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  totalCost {
    ...MoneyFields
  }
  remainingValue {
    ...MoneyFields
  }
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<ReceiveInventoryMutation, ReceiveInventoryMutationVariables>;
export const AdjustInventoryDocument = new TypedDocumentString(`
    mutation AdjustInventory($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) {
    adjustment {
      ...InventoryAdjustmentFields
    }
    inventoryItem {
      ...InventoryItemFields
    }
    shortages {
      requested {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    enteredQuantity {
      ...QuantityFields
    }
    recordedQuantity {
      ...QuantityFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryAdjustmentFields on InventoryAdjustment {
  inventoryItem {
    ...InventoryItemFields
  }
  changeType
  operationId
  quantity {
    ...QuantityFields
  }
  cost {
    ...MoneyFields
  }
  ledgerEntries {
    ...InventoryLedgerEntryFields
  }
  shortenedReservations {
    ...InventoryReservationFields
  }
}
fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<AdjustInventoryMutation, AdjustInventoryMutationVariables>;
export const WriteOffExpiredLotsDocument = new TypedDocumentString(`
    mutation WriteOffExpiredLots($input: WriteOffExpiredLotsInput) {
  writeOffExpiredLots(input: $input) {
    adjustments {
      ...InventoryAdjustmentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryAdjustmentFields on InventoryAdjustment {
  inventoryItem {
    ...InventoryItemFields
  }
  changeType
  operationId
  quantity {
    ...QuantityFields
  }
  cost {
    ...MoneyFields
  }
  ledgerEntries {
    ...InventoryLedgerEntryFields
  }
  shortenedReservations {
    ...InventoryReservationFields
  }
}
fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<WriteOffExpiredLotsMutation, WriteOffExpiredLotsMutationVariables>;
export const ReserveInventoryDocument = new TypedDocumentString(`
    mutation ReserveInventory($input: ReserveInventoryInput!) {
  reserveInventory(input: $input) {
    reservation {
      ...InventoryReservationFields
    }
    inventoryItem {
      ...InventoryItemFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<ReserveInventoryMutation, ReserveInventoryMutationVariables>;
export const ReleaseReservationDocument = new TypedDocumentString(`
    mutation ReleaseReservation($input: ReservationInput!) {
  releaseReservation(input: $input) {
    reservation {
      ...InventoryReservationFields
    }
    inventoryItem {
      ...InventoryItemFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<ReleaseReservationMutation, ReleaseReservationMutationVariables>;
export const FulfilReservationDocument = new TypedDocumentString(`
    mutation FulfilReservation($input: FulfilReservationInput!) {
  fulfilReservation(input: $input) {
    reservation {
      ...InventoryReservationFields
    }
    adjustment {
      ...InventoryAdjustmentFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryAdjustmentFields on InventoryAdjustment {
  inventoryItem {
    ...InventoryItemFields
  }
  changeType
  operationId
  quantity {
    ...QuantityFields
  }
  cost {
    ...MoneyFields
  }
  ledgerEntries {
    ...InventoryLedgerEntryFields
  }
  shortenedReservations {
    ...InventoryReservationFields
  }
}
fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment InventoryLedgerEntryFields on InventoryLedgerEntry {
  id
  operationId
  changeType
  quantity {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  value {
    ...MoneyFields
  }
  onHandAfter {
    ...QuantityFields
  }
  valueAfter {
    ...MoneyFields
  }
  note
  reference
  actorUserId
  actorApiKeyId
  createdAt
  item {
    id
  }
  lot {
    id
  }
}
fragment InventoryReservationFields on InventoryReservation {
  id
  quantity {
    ...QuantityFields
  }
  fulfilled {
    ...QuantityFields
  }
  shortQuantity {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  orderReference
  status
  expiresAt
  closedAt
  createdAt
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<FulfilReservationMutation, FulfilReservationMutationVariables>;
export const CreateRecipeDocument = new TypedDocumentString(`
    mutation CreateRecipe($input: CreateRecipeInput!) {
  createRecipe(input: $input) {
    recipe {
      ...RecipeFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<CreateRecipeMutation, CreateRecipeMutationVariables>;
export const UpdateRecipeDocument = new TypedDocumentString(`
    mutation UpdateRecipe($input: UpdateRecipeInput!) {
  updateRecipe(input: $input) {
    recipe {
      ...RecipeFields
    }
    newVersion
    changedFields
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<UpdateRecipeMutation, UpdateRecipeMutationVariables>;
export const PublishRecipeDocument = new TypedDocumentString(`
    mutation PublishRecipe($input: RecipeInput!) {
  publishRecipe(input: $input) {
    recipe {
      ...RecipeFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<PublishRecipeMutation, PublishRecipeMutationVariables>;
export const ArchiveRecipeDocument = new TypedDocumentString(`
    mutation ArchiveRecipe($input: RecipeInput!) {
  archiveRecipe(input: $input) {
    recipe {
      ...RecipeFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<ArchiveRecipeMutation, ArchiveRecipeMutationVariables>;
export const CreateRecipeVariationDocument = new TypedDocumentString(`
    mutation CreateRecipeVariation($input: CreateRecipeVariationInput!) {
  createRecipeVariation(input: $input) {
    recipe {
      ...RecipeFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<CreateRecipeVariationMutation, CreateRecipeVariationMutationVariables>;
export const CreateRecipeTestDocument = new TypedDocumentString(`
    mutation CreateRecipeTest($input: CreateRecipeTestInput!) {
  createRecipeTest(input: $input) {
    recipe {
      ...RecipeFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<CreateRecipeTestMutation, CreateRecipeTestMutationVariables>;
export const PromoteRecipeTestDocument = new TypedDocumentString(`
    mutation PromoteRecipeTest($input: PromoteRecipeTestInput!) {
  promoteRecipeTest(input: $input) {
    recipe {
      ...RecipeFields
    }
    test {
      ...RecipeFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<PromoteRecipeTestMutation, PromoteRecipeTestMutationVariables>;
export const OverrideRecipeStepDocument = new TypedDocumentString(`
    mutation OverrideRecipeStep($input: OverrideRecipeStepInput!) {
  overrideRecipeStep(input: $input) {
    recipe {
      ...RecipeFields
    }
    newVersion
    changedFields
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<OverrideRecipeStepMutation, OverrideRecipeStepMutationVariables>;
export const RevertRecipeStepDocument = new TypedDocumentString(`
    mutation RevertRecipeStep($input: RevertRecipeStepInput!) {
  revertRecipeStep(input: $input) {
    recipe {
      ...RecipeFields
    }
    newVersion
    changedFields
    userErrors {
      field
      message
      code
    }
  }
}
    fragment QuantityFields on Quantity {
  amount
  unit
}
fragment RecipeFields on Recipe {
  id
  version
  isCurrent
  kind
  status
  name
  category
  notes
  labelPrefix
  predictedYield {
    ...QuantityFields
  }
  portioning {
    name
    count
    size {
      ...QuantityFields
    }
  }
  createdAt
  updatedAt
  publishedAt
  archivedAt
  outputItem {
    id
  }
  ingredients {
    ...RecipeLineFields
  }
  consumables {
    ...RecipeLineFields
  }
  containers {
    capacity {
      ...QuantityFields
    }
    item {
      id
    }
  }
  steps {
    key
    position
    text
    durationMinutes
    temperature {
      value
      unit
    }
    overridden
  }
}
fragment RecipeLineFields on RecipeLine {
  position
  quantity {
    ...QuantityFields
  }
  note
  item {
    id
  }
}`) as unknown as TypedDocumentString<RevertRecipeStepMutation, RevertRecipeStepMutationVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    secret
    userErrors {
      field
      message
      code
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  createdAt
  updatedAt
  failingSince
  secretRotatedUntil
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  createdAt
  updatedAt
  failingSince
  secretRotatedUntil
}`) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
  deleteWebhookEndpoint(input: $input) {
    deletedWebhookEndpointId
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
  rotateWebhookSecret(input: $input) {
    webhookEndpoint {
      ...WebhookEndpointFields
    }
    secret
    userErrors {
      field
      message
      code
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  description
  eventTypes
  enabled
  disabledReason
  createdAt
  updatedAt
  failingSince
  secretRotatedUntil
}`) as unknown as TypedDocumentString<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($input: SendTestWebhookInput!) {
  sendTestWebhook(input: $input) {
    delivery {
      ...WebhookDeliveryFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventId
  eventType
  status
  attemptCount
  nextAttemptAt
  lastStatusCode
  lastError
  createdAt
  completedAt
  endpoint {
    id
  }
  attempts {
    attemptedAt
    durationMs
    statusCode
    responseBody
    error
    outcome
  }
  event {
    id
  }
}`) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;
export const RedeliverWebhookDocument = new TypedDocumentString(`
    mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
  redeliverWebhook(input: $input) {
    delivery {
      ...WebhookDeliveryFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventId
  eventType
  status
  attemptCount
  nextAttemptAt
  lastStatusCode
  lastError
  createdAt
  completedAt
  endpoint {
    id
  }
  attempts {
    attemptedAt
    durationMs
    statusCode
    responseBody
    error
    outcome
  }
  event {
    id
  }
}`) as unknown as TypedDocumentString<RedeliverWebhookMutation, RedeliverWebhookMutationVariables>;
export const ReplayWebhookEventsDocument = new TypedDocumentString(`
    mutation ReplayWebhookEvents($input: ReplayWebhookEventsInput!) {
  replayWebhookEvents(input: $input) {
    deliveryCount
    deliveries {
      ...WebhookDeliveryFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment WebhookDeliveryFields on WebhookDelivery {
  id
  eventId
  eventType
  status
  attemptCount
  nextAttemptAt
  lastStatusCode
  lastError
  createdAt
  completedAt
  endpoint {
    id
  }
  attempts {
    attemptedAt
    durationMs
    statusCode
    responseBody
    error
    outcome
  }
  event {
    id
  }
}`) as unknown as TypedDocumentString<ReplayWebhookEventsMutation, ReplayWebhookEventsMutationVariables>;
export const BatchesDocument = new TypedDocumentString(`
    query Batches($filter: BatchFilter, $first: Int, $after: String, $last: Int, $before: String) {
  batches(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    nodes {
      ...BatchFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<BatchesQuery, BatchesQueryVariables>;
export const TraceLotDocument = new TypedDocumentString(`
    query TraceLot($id: ID!, $direction: TraceDirection!, $maxDepth: Int!) {
  traceLot(id: $id, direction: $direction, maxDepth: $maxDepth) {
    direction
    lots {
      depth
      lot {
        ...InventoryLotFields
      }
      item {
        id
        name
        sku
      }
      viaBatch {
        id
        label
        status
      }
    }
    batches {
      depth
      batch {
        id
        label
        status
        startedAt
        finishedAt
      }
    }
    sales {
      depth
      orderReference
      quantity {
        ...QuantityFields
      }
      at
      lot {
        id
        lotCode
      }
    }
  }
}
    fragment InventoryLotFields on InventoryLot {
  id
  lotCode
  source
  vendor
  receivedAt
  expiresAt
  isExpired
  quantityReceived {
    ...QuantityFields
  }
  remaining {
    ...QuantityFields
  }
  unitCost {
    ...MoneyFields
  }
  totalCost {
    ...MoneyFields
  }
  remainingValue {
    ...MoneyFields
  }
  item {
    id
  }
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<TraceLotQuery, TraceLotQueryVariables>;
export const BatchDocument = new TypedDocumentString(`
    query Batch($id: ID!) {
  batch(id: $id) {
    ...BatchFields
    instructions {
      steps {
        position
        key
        text
        durationMinutes
        temperature {
          value
          unit
        }
      }
      checklist {
        position
        kind
        needed {
          ...QuantityFields
        }
        drawn {
          ...QuantityFields
        }
        note
        item {
          id
          name
        }
        draws {
          quantity {
            ...QuantityFields
          }
          lot {
            id
            lotCode
            vendor
            expiresAt
          }
        }
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<BatchQuery, BatchQueryVariables>;
export const PlanBatchDocument = new TypedDocumentString(`
    mutation PlanBatch($input: PlanBatchInput!) {
  planBatch(input: $input) {
    plan {
      scaled {
        factor
        factorExact
        predictedYield {
          amount
          unit
          exact
          baseQuantity {
            ...QuantityFields
          }
          problem
        }
        ingredients {
          position
          quantity {
            amount
            unit
            exact
            problem
          }
          note
          item {
            ...InventoryItemFields
          }
        }
        consumables {
          position
          quantity {
            amount
            unit
            exact
            problem
          }
          note
          item {
            ...InventoryItemFields
          }
        }
        portionCount
        plannedCost {
          total {
            ...MoneyFields
          }
          complete
          sufficient
          costPerOutputUnit {
            ...MoneyFields
          }
          costPerPortion {
            ...MoneyFields
          }
          lines {
            position
            isConsumable
            unpriced
            reason
          }
          containers {
            count
            unpriced
            reason
          }
          costMethod
        }
      }
      plannedCost {
        total {
          ...MoneyFields
        }
        complete
        sufficient
        costPerOutputUnit {
          ...MoneyFields
        }
        costPerPortion {
          ...MoneyFields
        }
        lines {
          position
          isConsumable
          quantity {
            ...QuantityFields
          }
          cost {
            ...MoneyFields
          }
          available {
            ...QuantityFields
          }
          short {
            ...QuantityFields
          }
          unpriced
          reason
          item {
            ...InventoryItemFields
          }
        }
        containers {
          capacity {
            ...QuantityFields
          }
          count
          cost {
            ...MoneyFields
          }
          unpriced
          reason
          item {
            ...InventoryItemFields
          }
        }
        costMethod
      }
      shortages {
        needed {
          ...QuantityFields
        }
        available {
          ...QuantityFields
        }
        item {
          ...InventoryItemFields
        }
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}`) as unknown as TypedDocumentString<PlanBatchMutation, PlanBatchMutationVariables>;
export const StartBatchDocument = new TypedDocumentString(`
    mutation StartBatch($input: StartBatchInput!) {
  startBatch(input: $input) {
    batch {
      ...BatchFields
    }
    shortages {
      needed {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<StartBatchMutation, StartBatchMutationVariables>;
export const AddBatchIngredientsDocument = new TypedDocumentString(`
    mutation AddBatchIngredients($input: AddBatchIngredientsInput!) {
  addBatchIngredients(input: $input) {
    batch {
      ...BatchFields
    }
    shortages {
      needed {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<AddBatchIngredientsMutation, AddBatchIngredientsMutationVariables>;
export const SplitBatchDocument = new TypedDocumentString(`
    mutation SplitBatch($input: SplitBatchInput!) {
  splitBatch(input: $input) {
    batch {
      ...BatchFields
    }
    variations {
      ...BatchFields
    }
    shortages {
      needed {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<SplitBatchMutation, SplitBatchMutationVariables>;
export const FinishBatchDocument = new TypedDocumentString(`
    mutation FinishBatch($input: FinishBatchInput!) {
  finishBatch(input: $input) {
    batch {
      ...BatchFields
    }
    shortages {
      needed {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<FinishBatchMutation, FinishBatchMutationVariables>;
export const CancelBatchDocument = new TypedDocumentString(`
    mutation CancelBatch($input: CancelBatchInput!) {
  cancelBatch(input: $input) {
    batch {
      ...BatchFields
    }
    shortages {
      needed {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<CancelBatchMutation, CancelBatchMutationVariables>;
export const FailBatchDocument = new TypedDocumentString(`
    mutation FailBatch($input: FailBatchInput!) {
  failBatch(input: $input) {
    batch {
      ...BatchFields
    }
    shortages {
      needed {
        ...QuantityFields
      }
      available {
        ...QuantityFields
      }
      item {
        ...InventoryItemFields
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment InventoryItemFields on InventoryItem {
  id
  name
  type
  baseUnit
  quantityPrecision
  density
  lowStockThreshold {
    ...QuantityFields
  }
  shelfLifeDays
  perishable
  defaultVendor
  sku
  barcode
  containerCapacity {
    ...QuantityFields
  }
  costingMethod
  leadTimeDays
  archived
  archivedAt
  createdAt
  updatedAt
  onHand {
    ...QuantityFields
  }
  reserved {
    ...QuantityFields
  }
  available {
    ...QuantityFields
  }
  stockValue {
    ...MoneyFields
  }
  averageCostPerUnit {
    ...MoneyFields
  }
  lowStockSince
  usable {
    ...QuantityFields
  }
  isLowStock
}
fragment MoneyFields on Money {
  amount
  currencyCode
}
fragment QuantityFields on Quantity {
  amount
  unit
}
fragment BatchFields on Batch {
  id
  label
  status
  costMethod
  factor
  plannedYield {
    ...QuantityFields
  }
  plannedPortions
  plannedCost {
    ...MoneyFields
  }
  ingredientCost {
    ...MoneyFields
  }
  actualCost {
    ...MoneyFields
  }
  forced
  shortageSummary
  startedAt
  finishedAt
  cancelledAt
  failedAt
  failureReason
  actualYield {
    ...QuantityFields
  }
  portions
  variationName
  percentage
  recipe {
    id
  }
  outputItem {
    id
  }
  consumption {
    position
    kind
    needed {
      ...QuantityFields
    }
    drawn {
      ...QuantityFields
    }
    skipped {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    tracked
    note
    draws {
      quantity {
        ...QuantityFields
      }
      value {
        ...MoneyFields
      }
      lot {
        id
      }
    }
    item {
      id
    }
  }
  outputs {
    quantity {
      ...QuantityFields
    }
    cost {
      ...MoneyFields
    }
    containerCount
    containerCost {
      ...MoneyFields
    }
    lot {
      id
    }
    container {
      id
    }
  }
  comparison {
    plannedCost {
      ...MoneyFields
    }
    actualCost {
      ...MoneyFields
    }
    plannedYield {
      ...QuantityFields
    }
    actualYield {
      ...QuantityFields
    }
    yieldVariancePercent
    costPerOutputUnit {
      ...MoneyFields
    }
    costPerPortion {
      ...MoneyFields
    }
    saleValue {
      ...MoneyFields
    }
    margin {
      ...MoneyFields
    }
    marginPercent
  }
  parent {
    id
  }
  variations {
    id
  }
}`) as unknown as TypedDocumentString<FailBatchMutation, FailBatchMutationVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions($first: Int, $after: String, $last: Int, $before: String) {
  sessions(first: $first, after: $after, last: $last, before: $before) {
    nodes {
      id
      createdAt
      expiresAt
      lastUsedAt
      ipAddress
      userAgent
      current
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const PlansDocument = new TypedDocumentString(`
    query Plans {
  plans {
    plans {
      key
      name
      entitlements {
        users
        recipes
        batchesPerMonth
        webhookEndpoints
        apiKeys
        historyDays
        apiAccess
        advancedReports
      }
      throttle {
        maximumAvailable
        restoreRate
      }
      prices {
        interval
        price {
          ...MoneyFields
        }
        lookupKey
      }
    }
    addOns {
      key
      name
      description
      prices {
        interval
        price {
          ...MoneyFields
        }
        lookupKey
      }
    }
  }
}
    fragment MoneyFields on Money {
  amount
  currencyCode
}`) as unknown as TypedDocumentString<PlansQuery, PlansQueryVariables>;
export const SubscriptionDocument = new TypedDocumentString(`
    query Subscription {
  subscription {
    billingConfigured
    plan
    status
    interval
    addOns {
      key
      quantity
    }
    currentPeriodEnd
    cancelAtPeriodEnd
    graceEndsAt
    restricted
    exempt
    suspended
    historySince
    entitlements {
      users
      recipes
      batchesPerMonth
      webhookEndpoints
      apiKeys
      historyDays
      apiAccess
      advancedReports
    }
    usage {
      limit
      allowed
      used
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionQuery, SubscriptionQueryVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($input: VerifyEmailInput!) {
  verifyEmail(input: $input) {
    user {
      ...UserFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const SendVerificationEmailDocument = new TypedDocumentString(`
    mutation SendVerificationEmail {
  sendVerificationEmail {
    user {
      ...UserFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<SendVerificationEmailMutation, SendVerificationEmailMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) {
    requested
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    user {
      ...UserFields
    }
    userErrors {
      field
      message
      code
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  createdAt
}`) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const RotateApiKeyDocument = new TypedDocumentString(`
    mutation RotateApiKey($input: RotateApiKeyInput!) {
  rotateApiKey(input: $input) {
    apiKey {
      ...ApiKeyFields
    }
    token
    userErrors {
      field
      message
      code
    }
  }
}
    fragment ApiKeyFields on ApiKey {
  id
  name
  prefix
  scopes
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RotateApiKeyMutation, RotateApiKeyMutationVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($input: RevokeSessionInput!) {
  revokeSession(input: $input) {
    session {
      id
      createdAt
      expiresAt
      lastUsedAt
      ipAddress
      userAgent
      current
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const RevokeOtherSessionsDocument = new TypedDocumentString(`
    mutation RevokeOtherSessions {
  revokeOtherSessions {
    revokedCount
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeOtherSessionsMutation, RevokeOtherSessionsMutationVariables>;
export const CreateCheckoutSessionDocument = new TypedDocumentString(`
    mutation CreateCheckoutSession($input: CreateCheckoutSessionInput!) {
  createCheckoutSession(input: $input) {
    url
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateCheckoutSessionMutation, CreateCheckoutSessionMutationVariables>;
export const CreateBillingPortalSessionDocument = new TypedDocumentString(`
    mutation CreateBillingPortalSession {
  createBillingPortalSession {
    url
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CreateBillingPortalSessionMutation, CreateBillingPortalSessionMutationVariables>;
export const CancelSubscriptionDocument = new TypedDocumentString(`
    mutation CancelSubscription($input: CancelSubscriptionInput!) {
  cancelSubscription(input: $input) {
    subscription {
      billingConfigured
      plan
      status
      interval
      addOns {
        key
        quantity
      }
      currentPeriodEnd
      cancelAtPeriodEnd
      graceEndsAt
      restricted
      exempt
      suspended
      historySince
      entitlements {
        users
        recipes
        batchesPerMonth
        webhookEndpoints
        apiKeys
        historyDays
        apiAccess
        advancedReports
      }
      usage {
        limit
        allowed
        used
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CancelSubscriptionMutation, CancelSubscriptionMutationVariables>;
export const ResumeSubscriptionDocument = new TypedDocumentString(`
    mutation ResumeSubscription {
  resumeSubscription {
    subscription {
      billingConfigured
      plan
      status
      interval
      addOns {
        key
        quantity
      }
      currentPeriodEnd
      cancelAtPeriodEnd
      graceEndsAt
      restricted
      exempt
      suspended
      historySince
      entitlements {
        users
        recipes
        batchesPerMonth
        webhookEndpoints
        apiKeys
        historyDays
        apiAccess
        advancedReports
      }
      usage {
        limit
        allowed
        used
      }
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ResumeSubscriptionMutation, ResumeSubscriptionMutationVariables>;