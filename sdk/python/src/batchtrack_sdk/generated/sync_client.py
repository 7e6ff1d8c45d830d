from datetime import datetime
from typing import Any, Optional, Union

from .accept_invitation import AcceptInvitation, AcceptInvitationAcceptInvitation
from .add_batch_ingredients import (
    AddBatchIngredients,
    AddBatchIngredientsAddBatchIngredients,
)
from .adjust_inventory import AdjustInventory, AdjustInventoryAdjustInventory
from .api_keys import ApiKeys, ApiKeysApiKeys
from .archive_inventory_item import (
    ArchiveInventoryItem,
    ArchiveInventoryItemArchiveInventoryItem,
)
from .archive_recipe import ArchiveRecipe, ArchiveRecipeArchiveRecipe
from .base_client import BaseClient
from .base_model import UNSET, UnsetType
from .batch import Batch, BatchBatch
from .batches import Batches, BatchesBatches
from .cancel_batch import CancelBatch, CancelBatchCancelBatch
from .cancel_subscription import (
    CancelSubscription,
    CancelSubscriptionCancelSubscription,
)
from .change_password import ChangePassword, ChangePasswordChangePassword
from .convert_quantity import ConvertQuantity, ConvertQuantityConvertQuantity
from .create_api_key import CreateApiKey, CreateApiKeyCreateApiKey
from .create_billing_portal_session import (
    CreateBillingPortalSession,
    CreateBillingPortalSessionCreateBillingPortalSession,
)
from .create_checkout_session import (
    CreateCheckoutSession,
    CreateCheckoutSessionCreateCheckoutSession,
)
from .create_custom_unit import CreateCustomUnit, CreateCustomUnitCreateCustomUnit
from .create_inventory_item import (
    CreateInventoryItem,
    CreateInventoryItemCreateInventoryItem,
)
from .create_recipe import CreateRecipe, CreateRecipeCreateRecipe
from .create_recipe_test import CreateRecipeTest, CreateRecipeTestCreateRecipeTest
from .create_recipe_variation import (
    CreateRecipeVariation,
    CreateRecipeVariationCreateRecipeVariation,
)
from .create_webhook_endpoint import (
    CreateWebhookEndpoint,
    CreateWebhookEndpointCreateWebhookEndpoint,
)
from .delete_webhook_endpoint import (
    DeleteWebhookEndpoint,
    DeleteWebhookEndpointDeleteWebhookEndpoint,
)
from .effective_cost import EffectiveCost, EffectiveCostEffectiveCost
from .enums import (
    InventoryChangeType,
    ReservationStatus,
    TraceDirection,
    UnitDimension,
    WebhookDeliveryStatus,
)
from .events import Events, EventsEvents
from .fail_batch import FailBatch, FailBatchFailBatch
from .finish_batch import FinishBatch, FinishBatchFinishBatch
from .fulfil_reservation import FulfilReservation, FulfilReservationFulfilReservation
from .input_types import (
    AcceptInvitationInput,
    AddBatchIngredientsInput,
    AdjustInventoryInput,
    ArchiveInventoryItemInput,
    BatchFilter,
    CancelBatchInput,
    CancelSubscriptionInput,
    ChangePasswordInput,
    CreateApiKeyInput,
    CreateCheckoutSessionInput,
    CreateCustomUnitInput,
    CreateInventoryItemInput,
    CreateRecipeInput,
    CreateRecipeTestInput,
    CreateRecipeVariationInput,
    CreateWebhookEndpointInput,
    DeleteWebhookEndpointInput,
    FailBatchInput,
    FinishBatchInput,
    FulfilReservationInput,
    InventoryItemFilter,
    InviteMemberInput,
    LogInInput,
    OverrideRecipeStepInput,
    PlanBatchInput,
    PromoteRecipeTestInput,
    QuantityInput,
    ReceiveInventoryInput,
    RecipeFilter,
    RecipeInput,
    RedeliverWebhookInput,
    RemoveMemberInput,
    ReplayWebhookEventsInput,
    RequestPasswordResetInput,
    ReservationInput,
    ReserveInventoryInput,
    ResetPasswordInput,
    RevertRecipeStepInput,
    RevokeApiKeyInput,
    RevokeSessionInput,
    RotateApiKeyInput,
    RotateWebhookSecretInput,
    SendTestWebhookInput,
    SetItemDensityInput,
    SignUpInput,
    SplitBatchInput,
    StartBatchInput,
    UpdateInventoryItemInput,
    UpdateMemberRoleInput,
    UpdateOrganizationInput,
    UpdateRecipeInput,
    UpdateWebhookEndpointInput,
    VerifyEmailInput,
    WriteOffExpiredLotsInput,
)
from .inventory_history import InventoryHistory, InventoryHistoryInventoryHistory
from .inventory_item import InventoryItem, InventoryItemInventoryItem
from .inventory_item_by_sku import (
    InventoryItemBySku,
    InventoryItemBySkuInventoryItemBySku,
)
from .inventory_items import InventoryItems, InventoryItemsInventoryItems
from .inventory_lots import InventoryLots, InventoryLotsInventoryLots
from .inventory_reservations import (
    InventoryReservations,
    InventoryReservationsInventoryReservations,
)
from .invite_member import InviteMember, InviteMemberInviteMember
from .log_in import LogIn, LogInLogIn
from .log_out import LogOut, LogOutLogOut
from .members import Members, MembersMembers
from .node import Node, NodeNodeInventoryItem, NodeNodeNode, NodeNodeRecipe
from .nodes import Nodes, NodesNodesInventoryItem, NodesNodesNode, NodesNodesRecipe
from .override_recipe_step import (
    OverrideRecipeStep,
    OverrideRecipeStepOverrideRecipeStep,
)
from .plan_batch import PlanBatch, PlanBatchPlanBatch
from .plans import Plans, PlansPlans
from .promote_recipe_test import PromoteRecipeTest, PromoteRecipeTestPromoteRecipeTest
from .publish_recipe import PublishRecipe, PublishRecipePublishRecipe
from .purchase_history import PurchaseHistory, PurchaseHistoryPurchaseHistory
from .receive_inventory import ReceiveInventory, ReceiveInventoryReceiveInventory
from .recipe import Recipe, RecipeRecipe
from .recipe_categories import RecipeCategories
from .recipes import Recipes, RecipesRecipes
from .redeliver_webhook import RedeliverWebhook, RedeliverWebhookRedeliverWebhook
from .release_reservation import (
    ReleaseReservation,
    ReleaseReservationReleaseReservation,
)
from .remove_member import RemoveMember, RemoveMemberRemoveMember
from .reorder_suggestions import (
    ReorderSuggestions,
    ReorderSuggestionsReorderSuggestions,
)
from .replay_webhook_events import (
    ReplayWebhookEvents,
    ReplayWebhookEventsReplayWebhookEvents,
)
from .request_password_reset import (
    RequestPasswordReset,
    RequestPasswordResetRequestPasswordReset,
)
from .reserve_inventory import ReserveInventory, ReserveInventoryReserveInventory
from .reset_password import ResetPassword, ResetPasswordResetPassword
from .resume_subscription import (
    ResumeSubscription,
    ResumeSubscriptionResumeSubscription,
)
from .revert_recipe_step import RevertRecipeStep, RevertRecipeStepRevertRecipeStep
from .revoke_api_key import RevokeApiKey, RevokeApiKeyRevokeApiKey
from .revoke_other_sessions import (
    RevokeOtherSessions,
    RevokeOtherSessionsRevokeOtherSessions,
)
from .revoke_session import RevokeSession, RevokeSessionRevokeSession
from .rotate_api_key import RotateApiKey, RotateApiKeyRotateApiKey
from .rotate_webhook_secret import (
    RotateWebhookSecret,
    RotateWebhookSecretRotateWebhookSecret,
)
from .send_test_webhook import SendTestWebhook, SendTestWebhookSendTestWebhook
from .send_verification_email import (
    SendVerificationEmail,
    SendVerificationEmailSendVerificationEmail,
)
from .sessions import Sessions, SessionsSessions
from .set_item_density import SetItemDensity, SetItemDensitySetItemDensity
from .sign_up import SignUp, SignUpSignUp
from .split_batch import SplitBatch, SplitBatchSplitBatch
from .spoilage_report import SpoilageReport, SpoilageReportSpoilageReport
from .start_batch import StartBatch, StartBatchStartBatch
from .subscription import Subscription, SubscriptionSubscription
from .trace_lot import TraceLot, TraceLotTraceLot
from .units import Units, UnitsUnits
from .update_inventory_item import (
    UpdateInventoryItem,
    UpdateInventoryItemUpdateInventoryItem,
)
from .update_member_role import UpdateMemberRole, UpdateMemberRoleUpdateMemberRole
from .update_organization import (
    UpdateOrganization,
    UpdateOrganizationUpdateOrganization,
)
from .update_recipe import UpdateRecipe, UpdateRecipeUpdateRecipe
from .update_webhook_endpoint import (
    UpdateWebhookEndpoint,
    UpdateWebhookEndpointUpdateWebhookEndpoint,
)
from .vendor_price_history import (
    VendorPriceHistory,
    VendorPriceHistoryVendorPriceHistory,
)
from .verify_email import VerifyEmail, VerifyEmailVerifyEmail
from .viewer import Viewer, ViewerViewer
from .webhook_deliveries import WebhookDeliveries, WebhookDeliveriesWebhookDeliveries
from .webhook_endpoints import WebhookEndpoints, WebhookEndpointsWebhookEndpoints
from .webhook_event_types import WebhookEventTypes, WebhookEventTypesWebhookEventTypes
from .write_off_expired_lots import (
    WriteOffExpiredLots,
    WriteOffExpiredLotsWriteOffExpiredLots,
)


def gql(q: str) -> str:
    return q


class Client(BaseClient):
    def node(
        self, id: str, **kwargs: Any
    ) -> Optional[Union[NodeNodeNode, NodeNodeInventoryItem, NodeNodeRecipe]]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="Node", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Node.model_validate(data).node

    def nodes(
        self, ids: list[str], **kwargs: Any
    ) -> list[
        Optional[Union[NodesNodesNode, NodesNodesInventoryItem, NodesNodesRecipe]]
    ]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"ids": ids}
        response = self.execute(
            query=query, operation_name="Nodes", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Nodes.model_validate(data).nodes

    def viewer(self, **kwargs: Any) -> ViewerViewer:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="Viewer", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Viewer.model_validate(data).viewer

    def api_keys(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ApiKeysApiKeys:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="ApiKeys", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ApiKeys.model_validate(data).api_keys

    def members(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> MembersMembers:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="Members", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Members.model_validate(data).members

    def units(
        self,
        dimension: Union[Optional[UnitDimension], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> list[UnitsUnits]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"dimension": dimension}
        response = self.execute(
            query=query, operation_name="Units", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Units.model_validate(data).units

    def convert_quantity(
        self,
        quantity: QuantityInput,
        to_unit: str,
        item_id: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> ConvertQuantityConvertQuantity:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "quantity": quantity,
            "toUnit": to_unit,
            "itemId": item_id,
        }
        response = self.execute(
            query=query, operation_name="ConvertQuantity", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ConvertQuantity.model_validate(data).convert_quantity

    def inventory_items(
        self,
        filter_: Union[Optional[InventoryItemFilter], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> InventoryItemsInventoryItems:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "filter": filter_,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="InventoryItems", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InventoryItems.model_validate(data).inventory_items

    def inventory_item(
        self, id: str, **kwargs: Any
    ) -> Optional[InventoryItemInventoryItem]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="InventoryItem", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InventoryItem.model_validate(data).inventory_item

    def inventory_item_by_sku(
        self, sku: str, **kwargs: Any
    ) -> Optional[InventoryItemBySkuInventoryItemBySku]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"sku": sku}
        response = self.execute(
            query=query,
            operation_name="InventoryItemBySku",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return InventoryItemBySku.model_validate(data).inventory_item_by_sku

    def inventory_lots(
        self,
        include_empty: bool,
        item_id: Union[Optional[str], UnsetType] = UNSET,
        expires_before: Union[Optional[datetime], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> InventoryLotsInventoryLots:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "itemId": item_id,
            "includeEmpty": include_empty,
            "expiresBefore": expires_before,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="InventoryLots", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InventoryLots.model_validate(data).inventory_lots

    def inventory_history(
        self,
        item_id: Union[Optional[str], UnsetType] = UNSET,
        lot_id: Union[Optional[str], UnsetType] = UNSET,
        change_types: Union[Optional[list[InventoryChangeType]], UnsetType] = UNSET,
        reference: Union[Optional[str], UnsetType] = UNSET,
        since: Union[Optional[datetime], UnsetType] = UNSET,
        until: Union[Optional[datetime], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> InventoryHistoryInventoryHistory:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "itemId": item_id,
            "lotId": lot_id,
            "changeTypes": change_types,
            "reference": reference,
            "since": since,
            "until": until,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query,
            operation_name="InventoryHistory",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return InventoryHistory.model_validate(data).inventory_history

    def inventory_reservations(
        self,
        item_id: Union[Optional[str], UnsetType] = UNSET,
        status: Union[Optional[ReservationStatus], UnsetType] = UNSET,
        order_reference: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> InventoryReservationsInventoryReservations:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "itemId": item_id,
            "status": status,
            "orderReference": order_reference,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query,
            operation_name="InventoryReservations",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return InventoryReservations.model_validate(data).inventory_reservations

    def effective_cost(
        self, item_id: str, from_: datetime, to: datetime, **kwargs: Any
    ) -> Optional[EffectiveCostEffectiveCost]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"itemId": item_id, "from": from_, "to": to}
        response = self.execute(
            query=query, operation_name="EffectiveCost", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return EffectiveCost.model_validate(data).effective_cost

    def spoilage_report(
        self,
        from_: datetime,
        to: datetime,
        item_id: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> SpoilageReportSpoilageReport:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"from": from_, "to": to, "itemId": item_id}
        response = self.execute(
            query=query, operation_name="SpoilageReport", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SpoilageReport.model_validate(data).spoilage_report

    def purchase_history(
        self,
        item_id: str,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> Optional[PurchaseHistoryPurchaseHistory]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "itemId": item_id,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="PurchaseHistory", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PurchaseHistory.model_validate(data).purchase_history

    def vendor_price_history(
        self, item_id: str, **kwargs: Any
    ) -> Optional[list[VendorPriceHistoryVendorPriceHistory]]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"itemId": item_id}
        response = self.execute(
            query=query,
            operation_name="VendorPriceHistory",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return VendorPriceHistory.model_validate(data).vendor_price_history

    def reorder_suggestions(
        self, lookback_days: int, **kwargs: Any
    ) -> list[ReorderSuggestionsReorderSuggestions]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"lookbackDays": lookback_days}
        response = self.execute(
            query=query,
            operation_name="ReorderSuggestions",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReorderSuggestions.model_validate(data).reorder_suggestions

    def recipes(
        self,
        filter_: Union[Optional[RecipeFilter], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> RecipesRecipes:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "filter": filter_,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="Recipes", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Recipes.model_validate(data).recipes

    def recipe(self, id: str, **kwargs: Any) -> Optional[RecipeRecipe]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="Recipe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Recipe.model_validate(data).recipe

    def recipe_categories(self, **kwargs: Any) -> list[str]:
        query = gql("""
            query RecipeCategories {
              recipeCategories
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="RecipeCategories",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RecipeCategories.model_validate(data).recipe_categories

    def webhook_endpoints(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> WebhookEndpointsWebhookEndpoints:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query,
            operation_name="WebhookEndpoints",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return WebhookEndpoints.model_validate(data).webhook_endpoints

    def webhook_deliveries(
        self,
        endpoint_id: Union[Optional[str], UnsetType] = UNSET,
        status: Union[Optional[WebhookDeliveryStatus], UnsetType] = UNSET,
        event_type: Union[Optional[str], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> WebhookDeliveriesWebhookDeliveries:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "endpointId": endpoint_id,
            "status": status,
            "eventType": event_type,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query,
            operation_name="WebhookDeliveries",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return WebhookDeliveries.model_validate(data).webhook_deliveries

    def webhook_event_types(
        self, **kwargs: Any
    ) -> list[WebhookEventTypesWebhookEventTypes]:
        query = gql("""
            query WebhookEventTypes {
              webhookEventTypes {
                name
                description
                dataSchema
                example
              }
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="WebhookEventTypes",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return WebhookEventTypes.model_validate(data).webhook_event_types

    def events(
        self,
        types: Union[Optional[list[str]], UnsetType] = UNSET,
        entity_type: Union[Optional[str], UnsetType] = UNSET,
        entity_id: Union[Optional[str], UnsetType] = UNSET,
        after_position: Union[Optional[int], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> EventsEvents:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "types": types,
            "entityType": entity_type,
            "entityId": entity_id,
            "afterPosition": after_position,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="Events", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Events.model_validate(data).events

    def sign_up(self, input: SignUpInput, **kwargs: Any) -> SignUpSignUp:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="SignUp", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SignUp.model_validate(data).sign_up

    def log_in(self, input: LogInInput, **kwargs: Any) -> LogInLogIn:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="LogIn", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return LogIn.model_validate(data).log_in

    def log_out(self, **kwargs: Any) -> LogOutLogOut:
        query = gql("""
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
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="LogOut", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return LogOut.model_validate(data).log_out

    def change_password(
        self, input: ChangePasswordInput, **kwargs: Any
    ) -> ChangePasswordChangePassword:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="ChangePassword", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ChangePassword.model_validate(data).change_password

    def create_api_key(
        self, input: CreateApiKeyInput, **kwargs: Any
    ) -> CreateApiKeyCreateApiKey:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="CreateApiKey", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateApiKey.model_validate(data).create_api_key

    def revoke_api_key(
        self, input: RevokeApiKeyInput, **kwargs: Any
    ) -> RevokeApiKeyRevokeApiKey:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="RevokeApiKey", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RevokeApiKey.model_validate(data).revoke_api_key

    def invite_member(
        self, input: InviteMemberInput, **kwargs: Any
    ) -> InviteMemberInviteMember:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="InviteMember", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return InviteMember.model_validate(data).invite_member

    def accept_invitation(
        self, input: AcceptInvitationInput, **kwargs: Any
    ) -> AcceptInvitationAcceptInvitation:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="AcceptInvitation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AcceptInvitation.model_validate(data).accept_invitation

    def update_member_role(
        self, input: UpdateMemberRoleInput, **kwargs: Any
    ) -> UpdateMemberRoleUpdateMemberRole:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="UpdateMemberRole",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateMemberRole.model_validate(data).update_member_role

    def remove_member(
        self, input: RemoveMemberInput, **kwargs: Any
    ) -> RemoveMemberRemoveMember:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="RemoveMember", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RemoveMember.model_validate(data).remove_member

    def update_organization(
        self, input: UpdateOrganizationInput, **kwargs: Any
    ) -> UpdateOrganizationUpdateOrganization:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="UpdateOrganization",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateOrganization.model_validate(data).update_organization

    def create_custom_unit(
        self, input: CreateCustomUnitInput, **kwargs: Any
    ) -> CreateCustomUnitCreateCustomUnit:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CreateCustomUnit",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateCustomUnit.model_validate(data).create_custom_unit

    def create_inventory_item(
        self, input: CreateInventoryItemInput, **kwargs: Any
    ) -> CreateInventoryItemCreateInventoryItem:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CreateInventoryItem",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateInventoryItem.model_validate(data).create_inventory_item

    def update_inventory_item(
        self, input: UpdateInventoryItemInput, **kwargs: Any
    ) -> UpdateInventoryItemUpdateInventoryItem:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="UpdateInventoryItem",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateInventoryItem.model_validate(data).update_inventory_item

    def set_item_density(
        self, input: SetItemDensityInput, **kwargs: Any
    ) -> SetItemDensitySetItemDensity:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="SetItemDensity", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SetItemDensity.model_validate(data).set_item_density

    def archive_inventory_item(
        self, input: ArchiveInventoryItemInput, **kwargs: Any
    ) -> ArchiveInventoryItemArchiveInventoryItem:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ArchiveInventoryItem",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ArchiveInventoryItem.model_validate(data).archive_inventory_item

    def receive_inventory(
        self, input: ReceiveInventoryInput, **kwargs: Any
    ) -> ReceiveInventoryReceiveInventory:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ReceiveInventory",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReceiveInventory.model_validate(data).receive_inventory

    def adjust_inventory(
        self, input: AdjustInventoryInput, **kwargs: Any
    ) -> AdjustInventoryAdjustInventory:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="AdjustInventory", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return AdjustInventory.model_validate(data).adjust_inventory

    def write_off_expired_lots(
        self,
        input: Union[Optional[WriteOffExpiredLotsInput], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> WriteOffExpiredLotsWriteOffExpiredLots:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="WriteOffExpiredLots",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return WriteOffExpiredLots.model_validate(data).write_off_expired_lots

    def reserve_inventory(
        self, input: ReserveInventoryInput, **kwargs: Any
    ) -> ReserveInventoryReserveInventory:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ReserveInventory",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReserveInventory.model_validate(data).reserve_inventory

    def release_reservation(
        self, input: ReservationInput, **kwargs: Any
    ) -> ReleaseReservationReleaseReservation:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ReleaseReservation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReleaseReservation.model_validate(data).release_reservation

    def fulfil_reservation(
        self, input: FulfilReservationInput, **kwargs: Any
    ) -> FulfilReservationFulfilReservation:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="FulfilReservation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return FulfilReservation.model_validate(data).fulfil_reservation

    def create_recipe(
        self, input: CreateRecipeInput, **kwargs: Any
    ) -> CreateRecipeCreateRecipe:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="CreateRecipe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CreateRecipe.model_validate(data).create_recipe

    def update_recipe(
        self, input: UpdateRecipeInput, **kwargs: Any
    ) -> UpdateRecipeUpdateRecipe:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="UpdateRecipe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return UpdateRecipe.model_validate(data).update_recipe

    def publish_recipe(
        self, input: RecipeInput, **kwargs: Any
    ) -> PublishRecipePublishRecipe:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="PublishRecipe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PublishRecipe.model_validate(data).publish_recipe

    def archive_recipe(
        self, input: RecipeInput, **kwargs: Any
    ) -> ArchiveRecipeArchiveRecipe:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="ArchiveRecipe", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ArchiveRecipe.model_validate(data).archive_recipe

    def create_recipe_variation(
        self, input: CreateRecipeVariationInput, **kwargs: Any
    ) -> CreateRecipeVariationCreateRecipeVariation:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CreateRecipeVariation",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateRecipeVariation.model_validate(data).create_recipe_variation

    def create_recipe_test(
        self, input: CreateRecipeTestInput, **kwargs: Any
    ) -> CreateRecipeTestCreateRecipeTest:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CreateRecipeTest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateRecipeTest.model_validate(data).create_recipe_test

    def promote_recipe_test(
        self, input: PromoteRecipeTestInput, **kwargs: Any
    ) -> PromoteRecipeTestPromoteRecipeTest:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="PromoteRecipeTest",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return PromoteRecipeTest.model_validate(data).promote_recipe_test

    def override_recipe_step(
        self, input: OverrideRecipeStepInput, **kwargs: Any
    ) -> OverrideRecipeStepOverrideRecipeStep:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="OverrideRecipeStep",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return OverrideRecipeStep.model_validate(data).override_recipe_step

    def revert_recipe_step(
        self, input: RevertRecipeStepInput, **kwargs: Any
    ) -> RevertRecipeStepRevertRecipeStep:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="RevertRecipeStep",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RevertRecipeStep.model_validate(data).revert_recipe_step

    def create_webhook_endpoint(
        self, input: CreateWebhookEndpointInput, **kwargs: Any
    ) -> CreateWebhookEndpointCreateWebhookEndpoint:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CreateWebhookEndpoint",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateWebhookEndpoint.model_validate(data).create_webhook_endpoint

    def update_webhook_endpoint(
        self, input: UpdateWebhookEndpointInput, **kwargs: Any
    ) -> UpdateWebhookEndpointUpdateWebhookEndpoint:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="UpdateWebhookEndpoint",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return UpdateWebhookEndpoint.model_validate(data).update_webhook_endpoint

    def delete_webhook_endpoint(
        self, input: DeleteWebhookEndpointInput, **kwargs: Any
    ) -> DeleteWebhookEndpointDeleteWebhookEndpoint:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="DeleteWebhookEndpoint",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return DeleteWebhookEndpoint.model_validate(data).delete_webhook_endpoint

    def rotate_webhook_secret(
        self, input: RotateWebhookSecretInput, **kwargs: Any
    ) -> RotateWebhookSecretRotateWebhookSecret:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="RotateWebhookSecret",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RotateWebhookSecret.model_validate(data).rotate_webhook_secret

    def send_test_webhook(
        self, input: SendTestWebhookInput, **kwargs: Any
    ) -> SendTestWebhookSendTestWebhook:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="SendTestWebhook", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SendTestWebhook.model_validate(data).send_test_webhook

    def redeliver_webhook(
        self, input: RedeliverWebhookInput, **kwargs: Any
    ) -> RedeliverWebhookRedeliverWebhook:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="RedeliverWebhook",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RedeliverWebhook.model_validate(data).redeliver_webhook

    def replay_webhook_events(
        self, input: ReplayWebhookEventsInput, **kwargs: Any
    ) -> ReplayWebhookEventsReplayWebhookEvents:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="ReplayWebhookEvents",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ReplayWebhookEvents.model_validate(data).replay_webhook_events

    def batches(
        self,
        filter_: Union[Optional[BatchFilter], UnsetType] = UNSET,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> BatchesBatches:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "filter": filter_,
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="Batches", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Batches.model_validate(data).batches

    def trace_lot(
        self, id: str, direction: TraceDirection, max_depth: int, **kwargs: Any
    ) -> Optional[TraceLotTraceLot]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {
            "id": id,
            "direction": direction,
            "maxDepth": max_depth,
        }
        response = self.execute(
            query=query, operation_name="TraceLot", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return TraceLot.model_validate(data).trace_lot

    def batch(self, id: str, **kwargs: Any) -> Optional[BatchBatch]:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"id": id}
        response = self.execute(
            query=query, operation_name="Batch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Batch.model_validate(data).batch

    def plan_batch(self, input: PlanBatchInput, **kwargs: Any) -> PlanBatchPlanBatch:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="PlanBatch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return PlanBatch.model_validate(data).plan_batch

    def start_batch(
        self, input: StartBatchInput, **kwargs: Any
    ) -> StartBatchStartBatch:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="StartBatch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return StartBatch.model_validate(data).start_batch

    def add_batch_ingredients(
        self, input: AddBatchIngredientsInput, **kwargs: Any
    ) -> AddBatchIngredientsAddBatchIngredients:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="AddBatchIngredients",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return AddBatchIngredients.model_validate(data).add_batch_ingredients

    def split_batch(
        self, input: SplitBatchInput, **kwargs: Any
    ) -> SplitBatchSplitBatch:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="SplitBatch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return SplitBatch.model_validate(data).split_batch

    def finish_batch(
        self, input: FinishBatchInput, **kwargs: Any
    ) -> FinishBatchFinishBatch:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="FinishBatch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FinishBatch.model_validate(data).finish_batch

    def cancel_batch(
        self, input: CancelBatchInput, **kwargs: Any
    ) -> CancelBatchCancelBatch:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="CancelBatch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return CancelBatch.model_validate(data).cancel_batch

    def fail_batch(self, input: FailBatchInput, **kwargs: Any) -> FailBatchFailBatch:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="FailBatch", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return FailBatch.model_validate(data).fail_batch

    def sessions(
        self,
        first: Union[Optional[int], UnsetType] = UNSET,
        after: Union[Optional[str], UnsetType] = UNSET,
        last: Union[Optional[int], UnsetType] = UNSET,
        before: Union[Optional[str], UnsetType] = UNSET,
        **kwargs: Any,
    ) -> SessionsSessions:
        query = gql("""
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
            """)
        variables: dict[str, object] = {
            "first": first,
            "after": after,
            "last": last,
            "before": before,
        }
        response = self.execute(
            query=query, operation_name="Sessions", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Sessions.model_validate(data).sessions

    def plans(self, **kwargs: Any) -> PlansPlans:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="Plans", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Plans.model_validate(data).plans

    def subscription(self, **kwargs: Any) -> SubscriptionSubscription:
        query = gql("""
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
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query, operation_name="Subscription", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return Subscription.model_validate(data).subscription

    def verify_email(
        self, input: VerifyEmailInput, **kwargs: Any
    ) -> VerifyEmailVerifyEmail:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="VerifyEmail", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return VerifyEmail.model_validate(data).verify_email

    def send_verification_email(
        self, **kwargs: Any
    ) -> SendVerificationEmailSendVerificationEmail:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="SendVerificationEmail",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return SendVerificationEmail.model_validate(data).send_verification_email

    def request_password_reset(
        self, input: RequestPasswordResetInput, **kwargs: Any
    ) -> RequestPasswordResetRequestPasswordReset:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="RequestPasswordReset",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RequestPasswordReset.model_validate(data).request_password_reset

    def reset_password(
        self, input: ResetPasswordInput, **kwargs: Any
    ) -> ResetPasswordResetPassword:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="ResetPassword", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return ResetPassword.model_validate(data).reset_password

    def rotate_api_key(
        self, input: RotateApiKeyInput, **kwargs: Any
    ) -> RotateApiKeyRotateApiKey:
        query = gql("""
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
            }
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="RotateApiKey", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RotateApiKey.model_validate(data).rotate_api_key

    def revoke_session(
        self, input: RevokeSessionInput, **kwargs: Any
    ) -> RevokeSessionRevokeSession:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query, operation_name="RevokeSession", variables=variables, **kwargs
        )
        data = self.get_data(response)
        return RevokeSession.model_validate(data).revoke_session

    def revoke_other_sessions(
        self, **kwargs: Any
    ) -> RevokeOtherSessionsRevokeOtherSessions:
        query = gql("""
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
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="RevokeOtherSessions",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return RevokeOtherSessions.model_validate(data).revoke_other_sessions

    def create_checkout_session(
        self, input: CreateCheckoutSessionInput, **kwargs: Any
    ) -> CreateCheckoutSessionCreateCheckoutSession:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CreateCheckoutSession",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateCheckoutSession.model_validate(data).create_checkout_session

    def create_billing_portal_session(
        self, **kwargs: Any
    ) -> CreateBillingPortalSessionCreateBillingPortalSession:
        query = gql("""
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
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="CreateBillingPortalSession",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CreateBillingPortalSession.model_validate(
            data
        ).create_billing_portal_session

    def cancel_subscription(
        self, input: CancelSubscriptionInput, **kwargs: Any
    ) -> CancelSubscriptionCancelSubscription:
        query = gql("""
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
            """)
        variables: dict[str, object] = {"input": input}
        response = self.execute(
            query=query,
            operation_name="CancelSubscription",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return CancelSubscription.model_validate(data).cancel_subscription

    def resume_subscription(
        self, **kwargs: Any
    ) -> ResumeSubscriptionResumeSubscription:
        query = gql("""
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
            """)
        variables: dict[str, object] = {}
        response = self.execute(
            query=query,
            operation_name="ResumeSubscription",
            variables=variables,
            **kwargs,
        )
        data = self.get_data(response)
        return ResumeSubscription.model_validate(data).resume_subscription
